package care.parcours.scheduling.schedules;

import java.time.ZoneId;

import care.parcours.events.partner.PractitionerJoinedPartner;
import care.parcours.events.partner.PractitionerLeftPartner;
import care.parcours.events.partner.PractitionerUpdated;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;

import org.springframework.stereotype.Component;

/**
 * Keeps schedules in step with partner-service after registration: new details (zone,
 * specialties, languages) change what slot search finds; joining or leaving a partner
 * changes which partner may push the practitioner's availability and read its
 * appointments.
 */
final class PractitionerChanges {

	private PractitionerChanges() {
	}

	@Component
	static class Updated implements EventHandler<PractitionerUpdated> {

		private final Schedules schedules;

		Updated(Schedules schedules) {
			this.schedules = schedules;
		}

		@Override
		public void handle(PractitionerUpdated event, EventMetadata metadata) {
			schedules.update(event.practitionerId(), ZoneId.of(event.timeZone()), event.specialties(),
					event.languages(), event.partnerIds(), metadata.aggregateVersion());
		}

	}

	@Component
	static class Joined implements EventHandler<PractitionerJoinedPartner> {

		private final Schedules schedules;

		Joined(Schedules schedules) {
			this.schedules = schedules;
		}

		@Override
		public void handle(PractitionerJoinedPartner event, EventMetadata metadata) {
			schedules.join(event.practitionerId(), event.partnerId());
		}

	}

	@Component
	static class Left implements EventHandler<PractitionerLeftPartner> {

		private final Schedules schedules;

		Left(Schedules schedules) {
			this.schedules = schedules;
		}

		@Override
		public void handle(PractitionerLeftPartner event, EventMetadata metadata) {
			schedules.leave(event.practitionerId(), event.partnerId());
		}

	}

}
