package care.parcours.scheduling.schedules;

import java.time.ZoneId;

import care.parcours.events.partner.PractitionerJoinedPartner;
import care.parcours.events.partner.PractitionerLeftPartner;
import care.parcours.events.partner.PractitionerUpdated;
import care.parcours.platform.consumer.EventSubscriber;

import org.springframework.stereotype.Component;

/**
 * Keeps schedules in step with partner-service after registration: new details (zone,
 * specialties, languages) change what slot search finds; joining or leaving a partner
 * changes which partner may push the practitioner's availability and read its
 * appointments.
 */
@Component
class PractitionerChanges implements EventSubscriber {

	private final Schedules schedules;

	PractitionerChanges(Schedules schedules) {
		this.schedules = schedules;
	}

	@Override
	public void subscribe(Subscriptions subscriptions) {
		subscriptions
			.on(PractitionerUpdated.class,
					(event, metadata) -> schedules.update(event.practitionerId(), ZoneId.of(event.timeZone()),
							event.specialties(), event.languages(), event.partnerIds(), metadata.aggregateVersion()))
			.on(PractitionerJoinedPartner.class,
					(event, metadata) -> schedules.join(event.practitionerId(), event.partnerId()))
			.on(PractitionerLeftPartner.class,
					(event, metadata) -> schedules.leave(event.practitionerId(), event.partnerId()));
	}

}
