package io.wrench.query.customer;

import io.wrench.query.ViewRows;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

interface CustomerRepository extends JpaRepository<CustomerEntity, UUID>, ViewRows<CustomerEntity>, JpaSpecificationExecutor<CustomerEntity> {

    @Modifying
    @Query("delete from CustomerEntity")
    void deleteAllInBulk();
}

interface CustomerAssetRepository extends JpaRepository<CustomerAssetEntity, UUID>, ViewRows<CustomerAssetEntity> {

    List<CustomerAssetEntity> findByCustomerIdOrderByRegisteredAtAscIdAsc(UUID customerId);

    @Modifying
    @Query("delete from CustomerAssetEntity")
    void deleteAllInBulk();
}

interface CustomerWorkOrderRepository extends JpaRepository<CustomerWorkOrderEntity, UUID>, ViewRows<CustomerWorkOrderEntity> {

    List<CustomerWorkOrderEntity> findByCustomerIdOrderByOpenedAtDescIdAsc(UUID customerId);

    @Modifying
    @Query("delete from CustomerWorkOrderEntity")
    void deleteAllInBulk();
}

interface CustomerWorkOrderLineRepository extends JpaRepository<CustomerWorkOrderLineEntity, UUID>, ViewRows<CustomerWorkOrderLineEntity> {

    /** Derived (loads, then removes each): keeps the batch's persistence context true to the table. */
    void deleteByWorkOrderId(UUID workOrderId);

    @Modifying
    @Query("delete from CustomerWorkOrderLineEntity")
    void deleteAllInBulk();
}
