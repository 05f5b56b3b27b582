package io.wrench.api.cluster;

import io.wrench.command.RuleViolationInterceptor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.messaging.MessageHandler;

/**
 * The local command bus (Axon Server's "local segment" on that profile): a failure raised at commit,
 * after every interceptor has returned, gets its business details here, before the result is handed
 * back — to the local caller, or to Axon Server, which carries only the details across the wire.
 */
class TranslatingCommandBus extends SimpleCommandBus {

    TranslatingCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        super.handle(command, handler, (CommandCallback<C, R>) (message, result) -> {
            if (result.isExceptional()) {
                Throwable translated = RuleViolationInterceptor.atCommit(result.exceptionResult());
                if (translated != result.exceptionResult()) {
                    CommandResultMessage<R> failed = GenericCommandResultMessage.asCommandResultMessage(translated);
                    callback.onResult(message, failed);
                    return;
                }
            }
            callback.onResult(message, result);
        });
    }
}
