package care.parcours.partner.deliveries;

import java.util.UUID;

import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/partners/{partnerId}/webhooks/{endpointId}")
class DeliveryController {

	private final DeliveryLog log;

	DeliveryController(DeliveryLog log) {
		this.log = log;
	}

	record Replayed(int replayed) {

	}

	@GetMapping("/deliveries")
	Page<Delivery> list(@PathVariable UUID partnerId, @PathVariable UUID endpointId,
			@RequestParam(required = false) @Nullable DeliveryStatus status, PageQuery page) {
		return log.of(partnerId, endpointId, status, page);
	}

	@GetMapping("/deliveries/{id}")
	DeliveryLog.Logged get(@PathVariable UUID partnerId, @PathVariable UUID endpointId, @PathVariable UUID id) {
		return log.get(partnerId, endpointId, id);
	}

	@PostMapping("/deliveries/{id}/replay")
	ResponseEntity<DeliveryLog.Logged> replay(@PathVariable UUID partnerId, @PathVariable UUID endpointId,
			@PathVariable UUID id) {
		return ResponseEntity.accepted().body(log.replay(partnerId, endpointId, id));
	}

	/** Replays every dead-lettered delivery of the endpoint, once it is fixed. */
	@PostMapping("/dead-letters/replay")
	ResponseEntity<Replayed> replayDead(@PathVariable UUID partnerId, @PathVariable UUID endpointId) {
		return ResponseEntity.accepted().body(new Replayed(log.replayDead(partnerId, endpointId)));
	}

}
