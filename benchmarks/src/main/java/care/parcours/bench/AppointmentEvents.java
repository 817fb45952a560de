package care.parcours.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.EventCatalog;
import care.parcours.events.scheduling.AppointmentBooked;

/**
 * Appointment bookings put on {@code parcours.scheduling.v1} as scheduling-service puts
 * them (through {@link Seeder}, with the events' own codec): keyed by appointment, each
 * concerning one partner.
 */
final class AppointmentEvents {

	static final String BOOKED = EventCatalog.typeOf(AppointmentBooked.class);

	private AppointmentEvents() {
	}

	/**
	 * Publishes at {@code rate} events per second to the healthy partners (and as many
	 * per partner to the broken ones), or at once when the rate is 0.
	 */
	static void publish(Seeder kafka, List<UUID> healthy, List<UUID> broken, int perEndpoint, int rate)
			throws InterruptedException {
		long started = System.nanoTime();
		long sent = 0;
		for (int n = 0; n < perEndpoint; n++) {
			for (UUID partner : healthy) {
				publish(kafka, partner);
				sent++;
				long wait = started + sent * 1_000_000_000L / Math.max(1, rate) - System.nanoTime();
				if (rate > 0 && wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
			}
			broken.forEach(partner -> publish(kafka, partner));
		}
		kafka.flush();
	}

	private static void publish(Seeder kafka, UUID partner) {
		UUID appointment = UUID.randomUUID();
		Instant start = Instant.now().plus(Duration.ofDays(7));
		kafka.publish(new AppointmentBooked(appointment, UUID.randomUUID(), partner, UUID.randomUUID(), start,
				start.plus(Duration.ofMinutes(30)), "IN_PERSON", "consultation", null, null), appointment);
	}

}
