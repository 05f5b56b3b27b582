package io.wrench.query.catalogue;

import io.wrench.query.ViewRows;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ServiceEntryRepository extends JpaRepository<ServiceEntryEntity, UUID>, ViewRows<ServiceEntryEntity>,
        JpaSpecificationExecutor<ServiceEntryEntity> {

    Optional<ServiceEntryEntity> findByCodeKey(String codeKey);

    @Modifying
    @Query("delete from ServiceEntryEntity")
    void deleteAllInBulk();
}

interface ServiceLineRepository extends JpaRepository<ServiceLineEntity, UUID>, ViewRows<ServiceLineEntity> {

    List<ServiceLineEntity> findByEntryIdOrderByPositionAsc(UUID entryId);

    @Modifying
    @Query("delete from ServiceLineEntity")
    void deleteAllInBulk();
}
