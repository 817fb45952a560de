package care.parcours.patient.patients;

import java.util.List;
import java.util.UUID;

import care.parcours.platform.polling.LeaderPoller;
import care.parcours.platform.polling.PollingLifecycle;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out the erasures a legal hold or a retention period deferred, once due: one
 * instance at a time ({@link LeaderPoller}), a batch per round, each erasure in the
 * round's transaction with its event.
 */
@Component
class DueErasures extends PollingLifecycle<UUID> {

	/** The advisory lock that lets one instance erase at a time ("patiera"). */
	private static final long LOCK = 0x70617469657261L;

	private static final int BATCH = 50;

	private final PatientErasures erasures;

	DueErasures(PatientErasures erasures, ErasureProperties properties, JdbcClient jdbc,
			TransactionTemplate transactions) {
		super(new LeaderPoller.Settings("due-erasures", LOCK, properties.interval(), BATCH), jdbc, transactions,
				properties.isEnabled(), properties.interval().plusSeconds(5));
		this.erasures = erasures;
	}

	@Override
	protected List<UUID> takeUnderLock(int batchSize) {
		return erasures.eraseDue(batchSize);
	}

	/** One round now, on the caller's thread: what it erased. */
	List<UUID> eraseDueNow() {
		return poll();
	}

}
