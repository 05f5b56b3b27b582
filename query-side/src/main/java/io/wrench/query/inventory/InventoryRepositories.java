package io.wrench.query.inventory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import io.wrench.query.ViewRows;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.UUID;

interface StockItemRepository extends JpaRepository<StockItemEntity, UUID>, ViewRows<StockItemEntity>, JpaSpecificationExecutor<StockItemEntity> {

    @Modifying
    @Query("delete from StockItemEntity")
    void deleteAllInBulk();
}

interface StockMovementRepository extends JpaRepository<StockMovementEntity, String>, ViewRows<StockMovementEntity> {

    Page<StockMovementEntity> findByItemId(UUID itemId, Pageable pageable);

    @Modifying
    @Query("delete from StockMovementEntity")
    void deleteAllInBulk();
}
