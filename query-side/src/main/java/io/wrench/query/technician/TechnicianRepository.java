package io.wrench.query.technician;

import io.wrench.query.ViewRows;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TechnicianRepository extends JpaRepository<TechnicianEntity, String>, ViewRows<TechnicianEntity>, JpaSpecificationExecutor<TechnicianEntity> {

    @Modifying
    @Query("delete from TechnicianEntity")
    void deleteAllInBulk();
}
