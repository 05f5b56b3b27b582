package io.wrench.query.workorder;

import io.wrench.query.ViewRows;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

interface WorkOrderRepository extends JpaRepository<WorkOrderEntity, UUID>, ViewRows<WorkOrderEntity>, JpaSpecificationExecutor<WorkOrderEntity> {

    List<WorkOrderEntity> findByCustomerId(UUID customerId);

    List<WorkOrderEntity> findByTechnician(String technician);

    @Modifying
    @Query("delete from WorkOrderEntity")
    void deleteAllInBulk();
}

interface WorkOrderLabourRepository extends JpaRepository<WorkOrderLabourEntity, UUID>, ViewRows<WorkOrderLabourEntity> {

    List<WorkOrderLabourEntity> findByWorkOrderIdOrderByPositionAsc(UUID workOrderId);

    @Modifying
    @Query("delete from WorkOrderLabourEntity")
    void deleteAllInBulk();
}

interface WorkOrderPartRepository extends JpaRepository<WorkOrderPartEntity, UUID>, ViewRows<WorkOrderPartEntity> {

    List<WorkOrderPartEntity> findByWorkOrderIdOrderByPositionAsc(UUID workOrderId);

    @Modifying
    @Query("delete from WorkOrderPartEntity")
    void deleteAllInBulk();
}

interface WorkOrderInspectionRepository extends JpaRepository<WorkOrderInspectionEntity, UUID>, ViewRows<WorkOrderInspectionEntity> {

    List<WorkOrderInspectionEntity> findByWorkOrderIdOrderByPositionAsc(UUID workOrderId);

    @Modifying
    @Query("delete from WorkOrderInspectionEntity")
    void deleteAllInBulk();
}

interface WorkOrderPaymentRepository extends JpaRepository<WorkOrderPaymentEntity, UUID>, ViewRows<WorkOrderPaymentEntity> {

    List<WorkOrderPaymentEntity> findByWorkOrderIdOrderByPositionAsc(UUID workOrderId);

    @Modifying
    @Query("delete from WorkOrderPaymentEntity")
    void deleteAllInBulk();
}

interface WorkOrderScanRepository extends JpaRepository<WorkOrderScanEntity, UUID>, ViewRows<WorkOrderScanEntity> {

    List<WorkOrderScanEntity> findByWorkOrderIdOrderByPositionAsc(UUID workOrderId);

    @Modifying
    @Query("delete from WorkOrderScanEntity")
    void deleteAllInBulk();
}

interface WorkOrderTechnicianRepository extends JpaRepository<WorkOrderTechnicianEntity, String>, ViewRows<WorkOrderTechnicianEntity> {

    @Modifying
    @Query("delete from WorkOrderTechnicianEntity")
    void deleteAllInBulk();
}

interface WorkOrderCustomerRepository extends JpaRepository<WorkOrderCustomerEntity, UUID>, ViewRows<WorkOrderCustomerEntity> {

    @Modifying
    @Query("delete from WorkOrderCustomerEntity")
    void deleteAllInBulk();
}

interface WorkOrderAssetRepository extends JpaRepository<WorkOrderAssetEntity, UUID>, ViewRows<WorkOrderAssetEntity> {

    @Modifying
    @Query("delete from WorkOrderAssetEntity")
    void deleteAllInBulk();
}

interface WorkOrderAttachmentRepository extends JpaRepository<WorkOrderAttachmentEntity, UUID>, ViewRows<WorkOrderAttachmentEntity> {

    List<WorkOrderAttachmentEntity> findByWorkOrderIdAndRemovedAtIsNullOrderByPositionAsc(UUID workOrderId);

    @Modifying
    @Query("delete from WorkOrderAttachmentEntity")
    void deleteAllInBulk();
}

interface WorkOrderJobRepository extends JpaRepository<WorkOrderJobEntity, UUID>, ViewRows<WorkOrderJobEntity> {

    List<WorkOrderJobEntity> findByWorkOrderIdOrderByPositionAsc(UUID workOrderId);

    @Modifying
    @Query("delete from WorkOrderJobEntity")
    void deleteAllInBulk();
}
