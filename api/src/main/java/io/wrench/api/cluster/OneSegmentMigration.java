package io.wrench.api.cluster;

import io.wrench.shared.InStoredOrder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Before the processors start: a processor declared {@link InStoredOrder} whose token store holds
 * more than one segment (a store created before the declaration; those views may have missed events,
 * since which segment did the sequential work differed from one JVM to the next) is migrated: its
 * tokens are removed and its view emptied by its reset handler, in one transaction that locks the
 * rows, so the processor starts on one fresh segment and replays the whole history into it — a rebuild.
 * Another instance starting at the same moment waits on the lock and then finds one segment or none.
 */
class OneSegmentMigration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OneSegmentMigration.class);

    private final List<InStoredOrder> declarations;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private volatile boolean done;

    OneSegmentMigration(List<InStoredOrder> declarations, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                        TransactionTemplate transaction) {
        this.declarations = declarations;
        this.processing = processing;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void start() {
        for (InStoredOrder declaration : declarations) {
            String name = declaration.processingGroup();
            EventProcessor processor = processing.eventProcessor(name).orElseThrow(() -> new IllegalStateException(
                    "processor " + name + " is declared in stored order (" + declaration.why() + ") but no handler "
                            + "uses that processing group: its name changed, so the guarantee would silently not apply"));
            transaction.executeWithoutResult(status -> {
                List<Integer> segments = jdbc.queryForList(
                        "select segment from token_entry where processor_name = ? for update", Integer.class, name);
                if (segments.size() > 1 && processor instanceof StreamingEventProcessor streaming
                        && !streaming.supportsReset()) {
                    log.error("Processor {} has {} segments but must run on one ({}); it is a process and cannot be "
                            + "replayed: merge its segments (docs/operations.md)", name, segments.size(), declaration.why());
                } else if (segments.size() > 1) {
                    log.warn("Processor {} has {} segments but must run on one ({}): removing its tokens and emptying "
                            + "its view; it replays the whole history now", name, segments.size(), declaration.why());
                    jdbc.update("delete from token_entry where processor_name = ?", name);
                    if (processor instanceof AbstractEventProcessor handlers) {
                        handlers.eventHandlerInvoker().performReset();
                    }
                }
            });
        }
        done = true;
    }

    @Override
    public void stop() {
        done = false;
    }

    @Override
    public boolean isRunning() {
        return done;
    }

    @Override
    public int getPhase() {
        return ClusterNodes.PHASE + 1;
    }
}
