package care.parcours.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stopping a part of the platform without letting its failure stop the others' stop. */
final class Closing {

	private static final Logger log = LoggerFactory.getLogger(Closing.class);

	private Closing() {
	}

	static void quietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.warn("Interrupted while stopping {}", closeable);
		}
		catch (Exception ex) {
			log.warn("{} did not stop cleanly: {}", closeable, ex.toString());
		}
	}

}
