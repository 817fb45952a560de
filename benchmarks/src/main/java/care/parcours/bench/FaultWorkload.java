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
 * patients, books (with an {@code Idempotency-Key}), holds and confirms, reschedules and
 * cancels its own bookings through the gateway. Like a careful front end, a client sends
 * a request again, unchanged (same key, same {@code If-Match}), until it gets an answer
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

		PARTNER, PRACTITIONER, PATIENT, BOOKING, HOLD, RESCHEDULE, CANCEL

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

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	final Queue<Send> sends = new ConcurrentLinkedQueue<>();

	final Queue<Operation> operations = new ConcurrentLinkedQueue<>();

	final Queue<Owned> owned = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean running = new AtomicBoolean();

	FaultWorkload(URI gateway, List<String> bearers, List<String> partners, List<String> practitioners,
			List<String> patients) {
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
				while (this.running.get()) {
					step(bearer, random, mine);
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

	private void step(String bearer, Random random, List<Owned> mine) {
		int dice = random.nextInt(100);
		if (dice < 8) {
			create(Kind.PARTNER, bearer, ServiceName.PARTNER, "/api/partners", (marker) -> """
					{"name": "%s", "kind": "CLINIC", "country": "FR", "city": "Lyon", "timeZone": "Europe/Paris",
					 "specialties": ["orthopaedics"], "languages": ["fr"]}""".formatted(marker));
		}
		else if (dice < 18) {
			String partner = this.partners.get(random.nextInt(this.partners.size()));
			create(Kind.PRACTITIONER, bearer, ServiceName.PARTNER, "/api/partners/" + partner + "/practitioners",
					(marker) -> """
							{"name": "%s", "specialties": ["orthopaedics"], "languages": ["fr"]}""".formatted(marker));
		}
		else if (dice < 30) {
			create(Kind.PATIENT, bearer, ServiceName.PATIENT, "/api/patients", (marker) -> """
					{"givenName": "Faultless", "familyName": "%s", "birthDate": "1980-02-03", "sex": "FEMALE",
					 "nationality": "FR", "countryOfResidence": "FR", "languages": ["fr"]}""".formatted(marker));
		}
		else if (dice < 65) {
			book(bearer, random, mine, false);
		}
		else if (dice < 75) {
			book(bearer, random, mine, true);
		}
		else {
			List<Owned> booked = mine.stream().filter((b) -> b.status.equals("BOOKED") && !b.uncertain).toList();
			if (booked.isEmpty()) {
				book(bearer, random, mine, false);
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

	private void book(String bearer, Random random, List<Owned> mine, boolean hold) {
		String practitioner = this.practitioners.get(random.nextInt(this.practitioners.size()));
		Instant start = slot(random);
		String body = """
				{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "consultation",
				 "mode": "IN_PERSON"%s}""".formatted(practitioner,
				this.patients.get(random.nextInt(this.patients.size())), start, hold ? ", \"holdMinutes\": 30" : "");
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
			Answer answer = send(bearer, method, path, body, headers);
			Send send = new Send(System.currentTimeMillis(), service, answer.status());
			this.sends.add(send);
			if (send.answered() || System.nanoTime() > deadline) {
				return send.answered() ? answer : new Answer(0, MissingNode.getInstance(), null);
			}
			sleep(pause);
			pause = Math.min(2000, pause * 2);
		}
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
