package care.parcours.partner.deliveries;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventCodec;
import care.parcours.platform.consumer.EventMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a consumed event into one delivery per endpoint it concerns, in the consumer's
 * transaction: the event is recorded as handled if and only if its deliveries are stored.
 * <p>
 * An event concerns the partners named by its {@code partnerId} (for a partner's own
 * events, the partner itself) and {@code partnerIds}. The message follows the Standard
 * Webhooks payload shape ({@code type}, {@code timestamp}, {@code data}) with the
 * aggregate and its version, so that receivers can check the order. There is no consent
 * model yet to say what a partner may see of a patient, so patient ids are removed.
 */
@Component
class WebhookFanOut {

	private static final Set<String> WITHHELD = Set.of("patientId");

	private final Deliveries deliveries;

	private final EventCodec codec;

	private final WebhookDispatcher dispatcher;

	private final Clock clock;

	WebhookFanOut(Deliveries deliveries, EventCodec codec, WebhookDispatcher dispatcher, Clock clock) {
		this.deliveries = deliveries;
		this.codec = codec;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	void fanOut(DomainEvent event, EventMetadata metadata) {
		JsonNode data = withheld(codec.toTree(event));
		Set<UUID> partners = concerned(data);
		if (partners.isEmpty()) {
			return;
		}
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("type", metadata.type());
		message.put("timestamp", metadata.time().toString());
		message.put("subject", metadata.subject());
		message.put("aggregateVersion", metadata.aggregateVersion());
		message.set("data", data);
		int created = deliveries.fanOut(metadata.id(), metadata.type(), metadata.subject(), message.toString(),
				partners, clock.instant());
		if (created > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					dispatcher.wakeUp();
				}
			});
		}
	}

	static Set<UUID> concerned(JsonNode data) {
		Set<UUID> partners = new LinkedHashSet<>();
		if (data.path("partnerId").isString()) {
			partners.add(UUID.fromString(data.path("partnerId").asString()));
		}
		data.path("partnerIds").forEach(id -> partners.add(UUID.fromString(id.asString())));
		return partners;
	}

	/** The payload without the fields no partner may see, at any depth. */
	static JsonNode withheld(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.remove(WITHHELD);
			object.forEach(WebhookFanOut::withheld);
		}
		else if (node.isArray()) {
			node.forEach(WebhookFanOut::withheld);
		}
		return node;
	}

}
