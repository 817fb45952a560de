package care.parcours.partner.deliveries;

import care.parcours.events.DomainEvent;
import care.parcours.events.partner.PartnerActivated;
import care.parcours.events.partner.PartnerRegistered;
import care.parcours.events.partner.PartnerSuspended;
import care.parcours.events.partner.PartnerUpdated;
import care.parcours.events.partner.PractitionerJoinedPartner;
import care.parcours.events.partner.PractitionerLeftPartner;
import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.events.partner.PractitionerUpdated;
import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentCheckedIn;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.events.scheduling.AppointmentNoShowRecorded;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.SlotHeld;
import care.parcours.events.scheduling.SlotReleased;
import care.parcours.events.scheduling.WaitlistOfferMade;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Feeds the webhook deliveries from partner-service's own topic and scheduling-service's,
 * through the platform's idempotent consumers: one handler per event type, as the
 * consumers require. {@code WebhookFeedsTests} checks that every subscribable type has
 * one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class WebhookFeeds {

	/**
	 * Hands one type of event to the fan-out. Each bean is an anonymous subclass so that
	 * the consumers can read the event type from its generic superclass.
	 */
	abstract static class Feed<T extends DomainEvent> implements EventHandler<T> {

		private final WebhookFanOut fanOut;

		Feed(WebhookFanOut fanOut) {
			this.fanOut = fanOut;
		}

		@Override
		public void handle(T event, EventMetadata metadata) {
			fanOut.fanOut(event, metadata);
		}

	}

	@Bean
	Feed<PartnerRegistered> partnerRegisteredFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<PartnerUpdated> partnerUpdatedFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<PartnerActivated> partnerActivatedFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<PartnerSuspended> partnerSuspendedFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<PractitionerRegistered> practitionerRegisteredFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<PractitionerUpdated> practitionerUpdatedFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<PractitionerJoinedPartner> practitionerJoinedPartnerFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<PractitionerLeftPartner> practitionerLeftPartnerFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<SlotHeld> slotHeldFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<SlotReleased> slotReleasedFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<AppointmentBooked> appointmentBookedFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<AppointmentCancelled> appointmentCancelledFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<AppointmentRescheduled> appointmentRescheduledFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<AppointmentNoShowRecorded> appointmentNoShowRecordedFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<AppointmentCheckedIn> appointmentCheckedInFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<AppointmentCompleted> appointmentCompletedFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

	@Bean
	Feed<WaitlistOfferMade> waitlistOfferMadeFeed(WebhookFanOut fanOut) {
		return new Feed<>(fanOut) {
		};
	}

}
