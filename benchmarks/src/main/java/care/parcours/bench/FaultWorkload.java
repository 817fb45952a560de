package care.parcours.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import care.parcours.local.ServiceName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The fault runner's clients: each, in a loop, registers partners, practitioners and
 * patients, opens care pathways, books (with an {@code Idempotency-Key}; a third of the
 * bookings for a step of one of its pathways), holds and confirms, reschedules and
 * cancels its own bookings, and, when billing-service runs, drafts a quote for one of its
 * pathways, sends it, has it accepted and issues a deposit invoice from it (quote and
 * invoice with keys), all through the gateway. Like a careful front end, a client sends a
 * request again, unchanged (same key, same {@code If-Match}), until it gets an answer
 * that is not a 5xx, a 429 or a cut connection, for at most {@link #PATIENCE}; it records
 * every send and every final answer for the checker.
 */
final class FaultWorkload {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** How long a client keeps sending one request before it gives up on an answer. */
	static final Duration PATIENCE = Duration.ofSeconds(150);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long THINK_MILLIS = 50;

	enum Kind {

		PARTNER, PRACTITIONER, PATIENT, PATHWAY, BOOKING, HOLD, RESCHEDULE, CANCEL, QUOTE, QUOTE_CHANGE, INVOICE

	}

	/**
	 * What the pathway and billing operations work with, made by the runner before the
	 * clients start.
	 *
	 * @param templateId the pathway template: a quote step and a consultation step
	 * @param itemId the billable item both setup partners have a tariff for; null when
	 * billing-service does not run (no quotes, no invoices then)
	 */
	record Care(String templateId, @Nullable String itemId) {
	}

	/** A pathway a client opened, and the ids of its two steps. */
	record Pathway(String id, String patientId, String consultationStepId, String quoteStepId) {
	}

	/**
	 * One HTTP exchange: when it was sent, to which service, and its status (0: none).
	 */
	record Send(long atMillis, ServiceName service, int status) {

		/** An answer a client could act on: not a 5xx, a 429 or a cut connection. */
		boolean answered() {
			return this.status != 0 && this.status < 500 && this.status != 429;
		}

	}

	/**
	 * One operation and what its client was finally told.
	 *
	 * @param kind what it does
	 * @param key its Idempotency-Key, which is also the marker in its body (patients take
	 * no key: the marker is their family name)
	 * @param status the final answer's status, 0 when the client gave up
	 * @param id the resource it created or changed
	 * @param startedMillis when it was first sent
	 */
	record Operation(Kind kind, String key, int status, @Nullable String id, long startedMillis) {

		boolean acknowledged() {
			return this.status == 200 || this.status == 201;
		}

		boolean gaveUp() {
			return this.status == 0;
		}

	}

	/** A booking as its owning client last knew it. */
	static final class Owned {

		final String id;

		final String practitionerId;

		volatile Instant start;

		volatile String status = "BOOKED";

		/** A change was sent and never answered: either state is right. */
		volatile boolean uncertain;

		Owned(String id, String practitionerId, Instant start) {
			this.id = id;
			this.practitionerId = practitionerId;
			this.start = start;
		}

	}

	record Answer(int status, JsonNode body, @Nullable String etag) {
	}

	private final URI gateway;

	private final List<String> bearers;

	private final List<String> partners;

	private final List<String> practitioners;

	private final List<String> patients;

	private final @Nullable Care care;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	final Queue<Send> sends = new ConcurrentLinkedQueue<>();

	final Queue<Operation> operations = new ConcurrentLinkedQueue<>();

	final Queue<Owned> owned = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean running = new AtomicBoolean();

	FaultWorkload(URI gateway, List<String> bearers, List<String> partners, List<String> practitioners,
			List<String> patients, @Nullable Care care) {
		this.care = care;
		this.gateway = gateway;
		this.bearers = List.copyOf(bearers);
		this.partners = List.copyOf(partners);
		this.practitioners = List.copyOf(practitioners);
		this.patients = List.copyOf(patients);
	}

	/** Runs one client per bearer until {@link #stop()}; returns at once. */
	List<Future<?>> start(ExecutorService pool, long seed) {
		this.running.set(true);
		List<Future<?>> clients = new ArrayList<>();
		for (int client = 0; client < this.bearers.size(); client++) {
			String bearer = this.bearers.get(client);
			Random random = new Random(seed + client);
			clients.add(pool.submit(() -> {
				List<Owned> mine = new ArrayList<>();
				List<Pathway> pathways = new ArrayList<>();
				while (this.running.get()) {
					step(bearer, random, mine, pathways);
					// A front end's pace, under the gateway's 50 requests/s per client: a
					// 429 is then the fault's doing, never the client's own excess.
					sleep(THINK_MILLIS);
				}
			}));
		}
		return clients;
	}

	/** Clients finish the operation in hand, then stop. */
	void stop() {
		this.running.set(false);
	}

	private void step(String bearer, Random random, List<Owned> mine, List<Pathway> pathways) {
		int dice = random.nextInt(100);
		if (dice < 6) {
			create(Kind.PARTNER, bearer, ServiceName.PARTNER, "/api/partners", (marker) -> """
					{"name": "%s", "kind": "CLINIC", "country": "FR", "city": "Lyon", "timeZone": "Europe/Paris",
					 "specialties": ["orthopaedics"], "languages": ["fr"]}""".formatted(marker));
		}
		else if (dice < 14) {
			String partner = this.partners.get(random.nextInt(this.partners.size()));
			create(Kind.PRACTITIONER, bearer, ServiceName.PARTNER, "/api/partners/" + partner + "/practitioners",
					(marker) -> """
							{"name": "%s", "specialties": ["orthopaedics"], "languages": ["fr"]}""".formatted(marker));
		}
		else if (dice < 24) {
			create(Kind.PATIENT, bearer, ServiceName.PATIENT, "/api/patients", (marker) -> """
					{"givenName": "Faultless", "familyName": "%s", "birthDate": "1980-02-03", "sex": "FEMALE",
					 "nationality": "FR", "countryOfResidence": "FR", "languages": ["fr"]}""".formatted(marker));
		}
		else if (dice < 30 && this.care != null) {
			openPathway(bearer, random, pathways);
		}
		else if (dice < 38 && this.care != null && this.care.itemId() != null && !pathways.isEmpty()) {
			quoteAndInvoice(bearer, random, pathways.get(random.nextInt(pathways.size())));
		}
		else if (dice < 65) {
			book(bearer, random, mine, false, pathways);
		}
		else if (dice < 75) {
			book(bearer, random, mine, true, pathways);
		}
		else {
			List<Owned> booked = mine.stream().filter((b) -> b.status.equals("BOOKED") && !b.uncertain).toList();
			if (booked.isEmpty()) {
				book(bearer, random, mine, false, pathways);
			}
			else if (dice < 90) {
				Owned target = booked.get(random.nextInt(booked.size()));
				change(Kind.RESCHEDULE, bearer, target, slot(random), random);
			}
			else {
				change(Kind.CANCEL, bearer, booked.get(random.nextInt(booked.size())), null, random);
			}
		}
	}

	/**
	 * Opens a pathway for one of the patients. The route takes no
	 * {@code Idempotency-Key}: the pathway's coordinator id is the operation's marker,
	 * and a request not answered is read back by it (the work list filtered on that
	 * coordinator) before it is sent again, as a careful front end would; only when the
	 * read finds nothing is it sent again. A second pathway of one marker is a doubled
	 * effect, counted as such.
	 */
	private void openPathway(String bearer, Random random, List<Pathway> pathways) {
		Care care = java.util.Objects.requireNonNull(this.care);
		String marker = "F-" + UUID.randomUUID();
		String patient = this.patients.get(random.nextInt(this.patients.size()));
		Instant anchor = LocalDate.now(PARIS)
			.plusDays(10 + random.nextInt(80))
			.atTime(LocalTime.of(9, 0))
			.atZone(PARIS)
			.toInstant();
		String body = """
				{"patientId": "%s", "templateId": "%s", "anchorAt": "%s", "coordinatorId": "%s", "partnerId": "%s"}"""
			.formatted(patient, care.templateId(), anchor, marker, this.partners.get(0));
		long started = System.currentTimeMillis();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		long pause = 200;
		Answer answer;
		while (true) {
			answer = sendRecorded(bearer, ServiceName.PATIENT, "POST", "/api/pathways", body, Map.of());
			if (answered(answer.status())) {
				break;
			}
			Answer found = untilAnswered(bearer, ServiceName.PATIENT, "GET", "/api/pathways?coordinator=" + marker,
					null, Map.of());
			JsonNode content = found.body().path("content");
			if (found.status() == 200 && content.size() > 0) {
				// The first send opened it; its answer was lost.
				answer = untilAnswered(bearer, ServiceName.PATIENT, "GET",
						"/api/pathways/" + content.get(0).path("pathwayId").asString(), null, Map.of());
				break;
			}
			if (found.status() == 0 || System.nanoTime() > deadline) {
				answer = new Answer(0, MissingNode.getInstance(), null);
				break;
			}
			sleep(pause);
			pause = Math.min(2000, pause * 2);
		}
		String id = id(answer);
		this.operations.add(new Operation(Kind.PATHWAY, marker, answer.status(), id, started));
		if (id != null) {
			String consultation = null;
			String quote = null;
			for (JsonNode step : answer.body().path("steps")) {
				switch (step.path("key").asString()) {
					case "consultation" -> consultation = step.path("id").asString();
					case "quote" -> quote = step.path("id").asString();
					default -> {
					}
				}
			}
			if (consultation != null && quote != null) {
				pathways.add(new Pathway(id, patient, consultation, quote));
			}
		}
	}

	/**
	 * Drafts a quote for the pathway's quote step (with a key), sends it, accepts its
	 * first version (both with {@code If-Match}; a change refused after a lost answer is
	 * read back, and counts as done when the quote shows it), then issues a deposit
	 * invoice of half of it (with a key): each quote gets one invoice request, so a
	 * second invoice of a quote is a doubled effect.
	 */
	private void quoteAndInvoice(String bearer, Random random, Pathway pathway) {
		String issuer = this.partners.get(random.nextInt(this.partners.size()));
		String key = "fault-q-" + UUID.randomUUID();
		long started = System.currentTimeMillis();
		Answer quote = untilAnswered(bearer, ServiceName.BILLING, "POST", "/api/quotes",
				"""
						{"patientId": "%s", "partnerId": "%s", "pathwayId": "%s", "stepId": "%s", "currency": "EUR",
						 "language": "fr", "validUntil": "%s", "lines": [{"itemId": "%s", "quantity": 1}]}""".formatted(
						pathway.patientId(), issuer, pathway.id(), pathway.quoteStepId(),
						LocalDate.now(PARIS).plusDays(30), java.util.Objects.requireNonNull(this.care).itemId()),
				Map.of("Idempotency-Key", key));
		String quoteId = id(quote);
		this.operations.add(new Operation(Kind.QUOTE, key, quote.status(), quoteId, started));
		if (quoteId == null || quote.etag() == null) {
			return;
		}
		started = System.currentTimeMillis();
		String path = "/api/quotes/" + quoteId;
		Answer sent = quoteChange(bearer, path + "/send", quote.etag(), path, Set.of("SENT", "ACCEPTED"));
		Answer accepted = (sent.status() == 200 && sent.etag() != null)
				? quoteChange(bearer, path + "/versions/1/accept", sent.etag(), path, Set.of("ACCEPTED")) : sent;
		this.operations.add(new Operation(Kind.QUOTE_CHANGE, quoteId, accepted.status(), quoteId, started));
		if (accepted.status() != 200) {
			return;
		}
		key = "fault-i-" + UUID.randomUUID();
		started = System.currentTimeMillis();
		Answer invoice = untilAnswered(bearer, ServiceName.BILLING, "POST", "/api/invoices", """
				{"quoteId": "%s", "kind": "DEPOSIT", "depositPercent": 50}""".formatted(quoteId),
				Map.of("Idempotency-Key", key));
		this.operations.add(new Operation(Kind.INVOICE, key, invoice.status(), id(invoice), started));
	}

	private Answer quoteChange(String bearer, String action, String etag, String path, Set<String> done) {
		Answer answer = untilAnswered(bearer, ServiceName.BILLING, "POST", action, null, Map.of("If-Match", etag));
		if (answer.status() == 200) {
			return answer;
		}
		// A first send may have taken effect before its answer was lost.
		Answer now = untilAnswered(bearer, ServiceName.BILLING, "GET", path, null, Map.of());
		if (now.status() == 200 && done.contains(now.body().path("status").asString())) {
			return now;
		}
		return answer;
	}

	private void create(Kind kind, String bearer, ServiceName service, String path,
			java.util.function.Function<String, String> body) {
		String marker = "F-" + UUID.randomUUID();
		long started = System.currentTimeMillis();
		// Partners, practitioners and resources take an Idempotency-Key, as a careful
		// front end sends; patients do not (their answer holds personal data that the
		// key's
		// stored answer would keep in clear): the duplicate check stands in for it.
		Map<String, String> headers = (kind == Kind.PATIENT) ? Map.of() : Map.of("Idempotency-Key", marker);
		Answer answer = untilAnswered(bearer, service, "POST", path, body.apply(marker), headers);
		JsonNode existing = answer.body().path("existingPatientIds");
		if (answer.status() == 409 && existing.size() == 1) {
			// The record a first send opened before its answer was lost: the API names
			// it,
			// and a front end opens it instead.
			this.operations.add(new Operation(kind, marker, 200, existing.get(0).asString(), started));
			return;
		}
		this.operations.add(new Operation(kind, marker, answer.status(), id(answer), started));
	}

	private void book(String bearer, Random random, List<Owned> mine, boolean hold, List<Pathway> pathways) {
		String practitioner = this.practitioners.get(random.nextInt(this.practitioners.size()));
		Instant start = slot(random);
		String patient = this.patients.get(random.nextInt(this.patients.size()));
		String step = "";
		if (!pathways.isEmpty() && random.nextInt(3) == 0) {
			// For the consultation step of one of the client's pathways:
			// patient-service's
			// timeline of it is built from scheduling's events.
			Pathway pathway = pathways.get(random.nextInt(pathways.size()));
			patient = pathway.patientId();
			step = ", \"pathwayId\": \"%s\", \"stepId\": \"%s\"".formatted(pathway.id(), pathway.consultationStepId());
		}
		String body = """
				{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "consultation",
				 "mode": "IN_PERSON"%s%s}""".formatted(practitioner, patient, start,
				hold ? ", \"holdMinutes\": 30" : "", step);
		String key = "fault-" + UUID.randomUUID();
		long started = System.currentTimeMillis();
		Answer answer = untilAnswered(bearer, ServiceName.SCHEDULING, "POST",
				hold ? "/api/slots/holds" : "/api/appointments", body, Map.of("Idempotency-Key", key));
		if (hold && answer.status() == 201 && answer.etag() != null) {
			// The hold is the client's; confirming it is the booking.
			String holdId = id(answer);
			this.operations.add(new Operation(Kind.HOLD, key, answer.status(), holdId, started));
			key = key + "-confirm";
			started = System.currentTimeMillis();
			answer = untilAnswered(bearer, ServiceName.SCHEDULING, "POST", "/api/slots/holds/" + holdId + "/confirm",
					null, Map.of("Idempotency-Key", key, "If-Match", answer.etag()));
		}
		this.operations.add(new Operation(Kind.BOOKING, key, answer.status(), id(answer), started));
		if (answer.status() == 201) {
			Owned booking = new Owned(id(answer), practitioner, start);
			mine.add(booking);
			this.owned.add(booking);
		}
	}

	private void change(Kind kind, String bearer, Owned booking, @Nullable Instant newStart, Random random) {
		long started = System.currentTimeMillis();
		String path = "/api/appointments/" + booking.id;
		Answer read = untilAnswered(bearer, ServiceName.SCHEDULING, "GET", path, null, Map.of());
		if (read.status() != 200 || read.etag() == null) {
			this.operations.add(new Operation(kind, booking.id, read.status(), booking.id, started));
			return;
		}
		Answer answer = (kind == Kind.RESCHEDULE)
				? untilAnswered(bearer, ServiceName.SCHEDULING, "POST", path + "/reschedule",
						"{\"start\": \"" + newStart + "\"}", Map.of("If-Match", read.etag()))
				: untilAnswered(bearer, ServiceName.SCHEDULING, "POST", path + "/cancel",
						"{\"reason\": \"PRACTITIONER_UNAVAILABLE\"}", Map.of("If-Match", read.etag()));
		int status = answer.status();
		if (status == 412 || status == 409 || status == 0) {
			// A first send may have taken effect before its answer was lost: what the
			// booking holds now tells.
			Answer now = untilAnswered(bearer, ServiceName.SCHEDULING, "GET", path, null, Map.of());
			if (now.status() == 200 && matches(kind, now.body(), newStart)) {
				status = 200;
			}
			else if (status == 0 || now.status() != 200) {
				booking.uncertain = true;
			}
		}
		if (status == 200) {
			if (kind == Kind.RESCHEDULE) {
				booking.start = newStart;
			}
			else {
				booking.status = "CANCELLED";
			}
		}
		this.operations.add(new Operation(kind, booking.id, status, booking.id, started));
	}

	private static boolean matches(Kind kind, JsonNode booking, @Nullable Instant newStart) {
		if (kind == Kind.CANCEL) {
			return booking.path("status").asString().equals("CANCELLED");
		}
		return booking.path("status").asString().equals("BOOKED")
				&& Instant.parse(booking.path("start").asString()).equals(newStart);
	}

	/** A half-hour slot between 8:00 and 18:00, Paris time, 2 to 90 days ahead. */
	private static Instant slot(Random random) {
		LocalDate day = LocalDate.now(PARIS).plusDays(2 + random.nextInt(89));
		return day.atTime(LocalTime.of(8, 0).plusMinutes(30L * random.nextInt(20))).atZone(PARIS).toInstant();
	}

	private static @Nullable String id(Answer answer) {
		return (answer.status() == 200 || answer.status() == 201) ? answer.body().path("id").asString(null) : null;
	}

	/**
	 * Sends the request again, unchanged, until it is answered, waiting a little longer
	 * each time (as {@code Retry-After} asks, up to 2 s); status 0 after
	 * {@link #PATIENCE}.
	 */
	Answer untilAnswered(String bearer, ServiceName service, String method, String path, @Nullable String body,
			Map<String, String> headers) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		long pause = 200;
		while (true) {
			Answer answer = sendRecorded(bearer, service, method, path, body, headers);
			if (answered(answer.status()) || System.nanoTime() > deadline) {
				return answered(answer.status()) ? answer : new Answer(0, MissingNode.getInstance(), null);
			}
			sleep(pause);
			pause = Math.min(2000, pause * 2);
		}
	}

	private Answer sendRecorded(String bearer, ServiceName service, String method, String path, @Nullable String body,
			Map<String, String> headers) {
		Answer answer = send(bearer, method, path, body, headers);
		this.sends.add(new Send(System.currentTimeMillis(), service, answer.status()));
		return answer;
	}

	private static boolean answered(int status) {
		return new Send(0, ServiceName.GATEWAY, status).answered();
	}

	private Answer send(String bearer, String method, String path, @Nullable String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", bearer)
			.header("X-Access-Purpose", "care-coordination");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = MissingNode.getInstance();
			if (response.headers().firstValue("Content-Type").orElse("").contains("json")
					&& !response.body().isEmpty()) {
				json = JSON.readTree(response.body());
			}
			return new Answer(response.statusCode(), json, response.headers().firstValue("ETag").orElse(null));
		}
		catch (IOException | RuntimeException ex) {
			return new Answer(0, MissingNode.getInstance(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(0, MissingNode.getInstance(), null);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
