package care.parcours.patient.patients;

import care.parcours.patient.keys.DataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Brings every record under the current keys: rewraps the data keys an older master key
 * wraps, and rewrites the rows still under the old service key with data keys of their
 * own. Runs at start (unless
 * {@code parcours.patient.keys.maintenance.rewrap-on-start=false}) and on demand
 * ({@code POST /api/patients/keys/rewrap}); batches lock their rows, so instances
 * starting together share the work.
 */
@Service
class KeyMaintenance implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(KeyMaintenance.class);

	private static final int BATCH = 200;

	private final DataKeys keys;

	private final PatientRecords records;

	private final Settings settings;

	KeyMaintenance(DataKeys keys, PatientRecords records, Settings settings) {
		this.keys = keys;
		this.records = records;
		this.settings = settings;
	}

	/**
	 * Settings of the maintenance.
	 *
	 * @param rewrapOnStart whether to run once at start
	 */
	@ConfigurationProperties("parcours.patient.keys.maintenance")
	record Settings(boolean rewrapOnStart) {

	}

	/**
	 * What a run did and what is left (rows another instance held locked).
	 *
	 * @param migrated rows moved from the service key to data keys of their own
	 * @param rewrapped data keys rewrapped by the primary master key
	 * @param remaining data keys or rows still under older keys
	 */
	record Outcome(int migrated, int rewrapped, long remaining) {

	}

	Outcome run() {
		int migrated = 0;
		for (int done = records.migrate(BATCH); done > 0; done = records.migrate(BATCH)) {
			migrated += done;
		}
		int rewrapped = 0;
		for (int done = keys.rewrapStale(BATCH); done > 0; done = keys.rewrapStale(BATCH)) {
			rewrapped += done;
		}
		Outcome outcome = new Outcome(migrated, rewrapped, keys.countStale() + records.countUnderServiceKey());
		if (migrated + rewrapped > 0 || outcome.remaining() > 0) {
			log.info("Patient keys: {} records moved to data keys, {} data keys rewrapped, {} left", migrated,
					rewrapped, outcome.remaining());
		}
		return outcome;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (settings.rewrapOnStart()) {
			try {
				run();
			}
			catch (RuntimeException ex) {
				// Records stay readable under the keys they have; the service starts, an
				// operator reruns the rewrap once the keys are fixed.
				log.error("Patient keys could not all be brought under the current keys: {}", ex.getMessage());
			}
		}
	}

}
