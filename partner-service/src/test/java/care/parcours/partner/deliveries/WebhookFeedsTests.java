package care.parcours.partner.deliveries;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import care.parcours.partner.webhooks.SubscribableEvents;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookFeedsTests {

	@Test
	void everySubscribableEventTypeIsFedToTheWebhooks() {
		Set<Class<?>> fed = Arrays.stream(WebhookFeeds.class.getDeclaredMethods())
			.filter(method -> method.isAnnotationPresent(Bean.class))
			.map(WebhookFeedsTests::eventOf)
			.collect(Collectors.toSet());

		assertThat(fed).as("a feed bean in WebhookFeeds per subscribable event type")
			.containsExactlyInAnyOrderElementsOf(SubscribableEvents.all());
	}

	private static Class<?> eventOf(Method method) {
		return ResolvableType.forMethodReturnType(method).as(WebhookFeeds.Feed.class).getGeneric(0).resolve();
	}

}
