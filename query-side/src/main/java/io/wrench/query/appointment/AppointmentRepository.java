package io.wrench.query.appointment;

import io.wrench.query.ViewRows;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.UUID;

interface AppointmentRepository extends JpaRepository<AppointmentEntity, UUID>, ViewRows<AppointmentEntity>,
        JpaSpecificationExecutor<AppointmentEntity> {

    @Modifying
    @Query("delete from AppointmentEntity")
    void deleteAllInBulk();
}
