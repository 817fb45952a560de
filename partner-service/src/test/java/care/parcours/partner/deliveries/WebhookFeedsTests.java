package care.parcours.partner.deliveries;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import care.parcours.events.DomainEvent;
import care.parcours.partner.webhooks.SubscribableEvents;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventSubscriber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookFeedsTests {

	@Test
	void everySubscribableEventTypeIsFedToTheWebhooksAndNamesThePartnersItConcerns() {
		List<Class<?>> fed = new ArrayList<>();
		new WebhookFeeds(null).subscribe(new EventSubscriber.Subscriptions() {
			@Override
			public <T extends DomainEvent> EventSubscriber.Subscriptions on(Class<T> type, EventHandler<T> handler) {
				fed.add(type);
				return this;
			}
		});

		assertThat(fed).containsExactlyInAnyOrderElementsOf(SubscribableEvents.all());
		assertThat(SubscribableEvents.all()).allSatisfy(type -> assertThat(Audience.of(type).partners()).isNotEmpty());
	}

	@Test
	void anEventThatNamesNoPartnerCannotBeFed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Audience.of(AboutNoPartner.class))
			.withMessageContaining("names no partner");
	}

	private record AboutNoPartner(UUID practitionerId, UUID partner) implements DomainEvent {

	}

}
