package care.parcours.partner.deliveries;

import java.util.UUID;

import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Webhook deliveries", description = "What was sent to a webhook endpoint, how it went, and replays.")
@RestController
@RequestMapping("/api/partners/{partnerId}/webhooks/{endpointId}")
class DeliveryController {

	private final DeliveryLog log;

	DeliveryController(DeliveryLog log) {
		this.log = log;
	}

	record Replayed(int replayed) {

	}

	@Operation(summary = "List deliveries",
			description = "The endpoint's deliveries, newest first, optionally in one status.")
	@GetMapping("/deliveries")
	Page<Delivery> list(@PathVariable UUID partnerId, @PathVariable UUID endpointId,
			@RequestParam(required = false) @Nullable DeliveryStatus status, PageQuery page) {
		return log.of(partnerId, endpointId, status, page);
	}

	@Operation(summary = "Get a delivery", description = "One delivery with its attempts.")
	@GetMapping("/deliveries/{id}")
	DeliveryLog.Logged get(@PathVariable UUID partnerId, @PathVariable UUID endpointId, @PathVariable UUID id) {
		return log.get(partnerId, endpointId, id);
	}

	@Operation(summary = "Replay a delivery",
			description = "Sends the delivery's event again, as a new delivery; the answer is the new delivery, queued.")
	@ApiResponse(responseCode = "202", description = "Accepted", useReturnTypeSchema = true)
	@PostMapping("/deliveries/{id}/replay")
	ResponseEntity<DeliveryLog.Logged> replay(@PathVariable UUID partnerId, @PathVariable UUID endpointId,
			@PathVariable UUID id) {
		return ResponseEntity.accepted().body(log.replay(partnerId, endpointId, id));
	}

	/** Replays every dead-lettered delivery of the endpoint, once it is fixed. */
	@Operation(summary = "Replay dead letters",
			description = "Queues every dead delivery of the endpoint again; answers how many.")
	@ApiResponse(responseCode = "202", description = "Accepted", useReturnTypeSchema = true)
	@PostMapping("/dead-letters/replay")
	ResponseEntity<Replayed> replayDead(@PathVariable UUID partnerId, @PathVariable UUID endpointId) {
		return ResponseEntity.accepted().body(new Replayed(log.replayDead(partnerId, endpointId)));
	}

}
