package care.parcours.billing.invoices;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The care scheduling-service reports as performed, kept by appointment: a quote's
 * balance may be invoiced once care for its step (or, for a quote of no step, at its
 * partner for its pathway) took place. An appointment says who, where and for which step,
 * not which act: the act billed is the quote's line, and an act quoted but not performed
 * is left out of the balance or credited ({@code ACT_NOT_PERFORMED}).
 */
@Repository
class PerformedCare implements EventHandler<AppointmentCompleted> {

	private final JdbcClient jdbc;

	PerformedCare(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void handle(AppointmentCompleted event, EventMetadata metadata) {
		jdbc.sql("""
				insert into performed_care (appointment_id, pathway_id, step_id, partner_id, patient_id, completed_at)
				values (?, ?, ?, ?, ?, ?) on conflict (appointment_id) do nothing
				""")
			.params(event.appointmentId(), metadata.pathwayId() == null ? null : UUID.fromString(metadata.pathwayId()),
					event.stepId(), event.partnerId(), event.patientId(), Timestamp.from(event.completedAt()))
			.update();
	}

	/** The appointments completed for a quote's step, or its pathway at its partner. */
	List<UUID> completedFor(UUID pathwayId, @Nullable UUID stepId, UUID partnerId, UUID patientId) {
		return jdbc.sql("""
				select appointment_id from performed_care
				where partner_id = :partner and patient_id = :patient
				  and (case when cast(:step as uuid) is null then pathway_id = :pathway else step_id = :step end)
				order by completed_at, appointment_id
				""")
			.param("partner", partnerId)
			.param("patient", patientId)
			.param("pathway", pathwayId)
			.param("step", stepId)
			.query(UUID.class)
			.list();
	}

}
