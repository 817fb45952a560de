package care.parcours.scheduling.schedules;

import java.time.Clock;
import java.time.ZoneId;

import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;

import org.springframework.stereotype.Component;

/** Every practitioner partner-service registers gets an empty schedule here. */
@Component
class ScheduleOpener implements EventHandler<PractitionerRegistered> {

	private final Schedules schedules;

	private final Clock clock;

	ScheduleOpener(Schedules schedules, Clock clock) {
		this.schedules = schedules;
		this.clock = clock;
	}

	@Override
	public void handle(PractitionerRegistered event, EventMetadata metadata) {
		schedules.open(new Schedule(event.practitionerId(), event.partnerId(), ZoneId.of(event.timeZone()),
				event.specialties(), event.languages(), clock.instant()));
	}

}
