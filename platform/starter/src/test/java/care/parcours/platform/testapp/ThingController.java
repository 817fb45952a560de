package care.parcours.platform.testapp;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.idempotency.IdempotentRequests;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.platform.web.Versioned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/things")
class ThingController {

	private final Things things;

	private final IdempotentRequests idempotency;

	private final RequestGate gate;

	ThingController(Things things, IdempotentRequests idempotency, RequestGate gate) {
		this.things = things;
		this.idempotency = idempotency;
		this.gate = gate;
	}

	enum Kind {

		SMALL, LARGE

	}

	record ThingForm(@NotBlank String name, @NotNull Kind kind, @NotNull @Min(1) Integer count,
			List<@Pattern(regexp = "[a-z]+") String> tags, @Nullable Instant due,
			@Nullable @Size(max = 2000) String note, @Nullable List<Part> parts) {

	}

	record Part(String label) {

	}

	@PostMapping
	ResponseEntity<Things.Thing> create(@Valid @RequestBody ThingForm form) {
		Things.Thing thing = things.create(UUID.randomUUID(), form.name(), form.kind().name());
		return Versioned.created(URI.create("/things/" + thing.id()), thing.version(), thing);
	}

	/** Creates a thing once the {@link RequestGate} lets the request through. */
	@PostMapping("/held")
	ResponseEntity<Things.Thing> createWhenLetThrough(@Valid @RequestBody ThingForm form) throws InterruptedException {
		gate.hold();
		return create(form);
	}

	@PostMapping("/idempotent")
	ResponseEntity<?> createOnce(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
			@Valid @RequestBody ThingForm form) {
		return idempotency.run(key, "POST /things", form, () -> create(form));
	}

	/**
	 * Changes two things at once; a retried request with the same key changes them once.
	 */
	@PostMapping("/{id}/with/{other}")
	ResponseEntity<?> changeBoth(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
			@PathVariable UUID id, @PathVariable UUID other) {
		return idempotency.run(key, "POST /things/pair", List.of(id, other),
				() -> ResponseEntity.ok(things.changeBoth(id, other)));
	}

	@GetMapping("/due")
	Page<Things.Thing> due(@RequestParam Instant before, PageQuery page) {
		return things.list(page);
	}

	record NameForm(@NotBlank @Size(max = 100) String name) {

	}

	@GetMapping("/{id}")
	ResponseEntity<Things.Thing> get(@PathVariable UUID id) {
		return versioned(things.get(id));
	}

	@PutMapping("/{id}/name")
	ResponseEntity<Things.Thing> rename(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody NameForm form) {
		return versioned(things.rename(id, expected, form.name()));
	}

	@PostMapping("/{id}/refused-change")
	void refusedChange(@PathVariable UUID id) {
		things.changeThenFail(id);
	}

	@GetMapping
	Page<Things.Thing> list(PageQuery page) {
		return things.list(page);
	}

	@GetMapping("/boom")
	void boom() {
		throw new IllegalStateException("internal detail that must not leak");
	}

	private static ResponseEntity<Things.Thing> versioned(Things.Thing thing) {
		return Versioned.ok(thing.version(), thing);
	}

}
