package care.parcours.scheduling.waitlist;

import care.parcours.scheduling.patients.PatientForgotten;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Drops an erased patient's waiting-list entries: what they wished for (practitioner,
 * specialty, language, window) is about them, and no offer may be made to them any more.
 * A hold already offered lapses by itself.
 */
@Component
class ErasedWaiters {

	private final JdbcClient jdbc;

	ErasedWaiters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void forget(PatientForgotten forgotten) {
		jdbc.sql("delete from waitlist_entry where patient_id = ?").param(forgotten.patientId()).update();
	}

}
