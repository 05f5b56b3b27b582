package io.wrench.api.cluster;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Axon's JPA token store, safe when several instances start together on an empty database. Axon
 * initialises a processor's segments inside the transaction that first found none; when another
 * instance inserted them at the same moment, the duplicate key poisons that transaction and the
 * application fails to start. Here the segments are inserted in a transaction of their own, and a
 * concurrent initialisation is reported as the "already there" that Axon's coordinator retries on.
 */
class ClusterTokenStore extends JpaTokenStore {

    private final TransactionTemplate ownTransaction;

    ClusterTokenStore(JpaTokenStore.Builder builder, PlatformTransactionManager transactions) {
        super(builder);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        try {
            ownTransaction.executeWithoutResult(status -> super.initializeTokenSegments(processorName, segmentCount, initialToken));
        } catch (UnableToClaimTokenException alreadyThere) {
            throw alreadyThere;
        } catch (RuntimeException raced) {
            if (ownTransaction.execute(status -> super.fetchSegments(processorName)).length > 0) {
                throw new UnableToClaimTokenException("segments of " + processorName
                        + " were initialised by another instance at the same moment");
            }
            throw raced;
        }
    }

    /**
     * The store's identity row ({@code __config}, written on the Axon Server profile) has the same race:
     * two instances that find none both insert one. The loser reads the winner's in a new transaction.
     */
    @Override
    public Optional<String> retrieveStorageIdentifier() {
        try {
            return ownTransaction.execute(status -> super.retrieveStorageIdentifier());
        } catch (UnableToRetrieveIdentifierException raced) {
            return ownTransaction.execute(status -> super.retrieveStorageIdentifier());
        }
    }
}
