package care.parcours.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import care.parcours.local.ServiceName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts, after a drain, what the clients were told against what the databases and the
 * topics hold: acknowledged writes missing (lost), effects no client was told of beyond
 * what unanswered requests explain (doubled), overlapping bookings, each committed
 * change's event on its topic (missing, duplicated, out of order per aggregate),
 * scheduling's copies of practitioners, partners and patients, patient-service's pathway
 * timelines against what scheduling and billing hold, webhook deliveries, invoice numbers
 * per issuer, outboxes and dead-letter topics.
 */
final class FaultChecker {

	/** Events a partner's webhook endpoint subscribes to in the fault runs. */
	static final List<String> HOOKED = List.of("scheduling.appointment.booked.v1",
			"scheduling.appointment.cancelled.v1", "scheduling.appointment.rescheduled.v1");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	interface Databases {

		Connection connect(ServiceName service) throws SQLException;

	}

	/**
	 * What the checker found.
	 *
	 * @param lost acknowledged writes whose effect is not in the database
	 * @param doubled effects beyond one per operation
	 * @param overlaps pairs of live bookings of one practitioner that overlap
	 * @param eventsMissing aggregates whose latest committed version has no event
	 * @param eventsDuplicated records whose event id was on the topic before
	 * @param outOfOrder aggregates whose events' versions go back on the topic
	 * @param readModelsMissing practitioners, partners and patients scheduling lacks
	 * @param timelinesBehind bookings made for a pathway step, and quotes sent for one,
	 * whose latest version the pathway's timeline in patient-service does not show
	 * @param webhooksMissing subscribed events without a delivery, plus deliveries
	 * pending or dead
	 * @param numberingFaults invoice and credit note numbers of an issuer and year
	 * missing (a gap), given twice, or not where the counter stands
	 * @param outboxLeft outbox rows not relayed
	 * @param deadLettered records on dead-letter topics
	 * @param notes the first problems, spelled out
	 */
	record Findings(int lost, int doubled, int overlaps, int eventsMissing, int eventsDuplicated, int outOfOrder,
			int readModelsMissing, int timelinesBehind, int webhooksMissing, int numberingFaults, int outboxLeft,
			int deadLettered, List<String> notes) {
	}

	private final Databases databases;

	private final String bootstrapServers;

	private final boolean billing;

	/**
	 * @param billing whether billing-service runs (its database, topic and the timelines'
	 * quotes checked then)
	 */
	FaultChecker(Databases databases, String bootstrapServers, boolean billing) {
		this.databases = databases;
		this.bootstrapServers = bootstrapServers;
		this.billing = billing;
	}

	/**
	 * Waits until the outboxes are empty, every consumer group has caught up with its
	 * topics, scheduling knows every practitioner, partner and patient, and no webhook
	 * delivery is pending, or the limit passes.
	 * @return how long it took
	 */
	Duration drain(Duration limit) throws SQLException {
		Instant begin = Instant.now();
		Instant deadline = begin.plus(limit);
		while (Instant.now().isBefore(deadline)) {
			try {
				if (outboxLeft() == 0 && consumerLag() == 0 && readModelsMissing(new ArrayList<>()) == 0
						&& timelinesBehind(new ArrayList<>()) == 0 && pendingDeliveries() == 0) {
					break;
				}
			}
			catch (SQLException ex) {
				// A database still recovering: ask again.
			}
			FaultWorkload.sleep(1000);
		}
		return Duration.between(begin, Instant.now());
	}

	/**
	 * @param operations every operation of the run so far, all scenarios together
	 * @param owned every booking the clients were told of so far
	 * @param setupPatients patients the runner registered before the clients started
	 */
	Findings check(List<FaultWorkload.Operation> operations, List<FaultWorkload.Owned> owned, Set<String> setupPatients)
			throws SQLException {
		List<String> notes = new ArrayList<>();
		int lost = 0;
		int doubled = 0;
		Map<String, List<String>> partners = byName(ServiceName.PARTNER, "select name, id from partner");
		Map<String, List<String>> practitioners = byName(ServiceName.PARTNER, "select name, id from practitioner");
		// A pathway's coordinator id is its operation's marker.
		Map<String, List<String>> pathways = byName(ServiceName.PATIENT, "select coordinator_id, id from pathway");
		for (FaultWorkload.Operation operation : operations) {
			Map<String, List<String>> rows = switch (operation.kind()) {
				case PARTNER -> partners;
				case PRACTITIONER -> practitioners;
				case PATHWAY -> pathways;
				default -> null;
			};
			if (rows == null) {
				continue;
			}
			List<String> ids = rows.getOrDefault(operation.key(), List.of());
			if (operation.acknowledged() && !ids.contains(operation.id())) {
				lost++;
				note(notes, "lost: %s %s acknowledged as %s, not in the database", operation.kind(), operation.key(),
						operation.id());
			}
			if (ids.size() > 1) {
				doubled += ids.size() - 1;
				note(notes, "doubled: %s %s stored %d times, answered %d", operation.kind(), operation.key(),
						ids.size(), operation.status());
			}
		}
		Set<String> patients = ids(ServiceName.PATIENT, "select id from patient");
		Result patientsResult = claims(operations, Set.of(FaultWorkload.Kind.PATIENT), patients, setupPatients, notes);
		lost += patientsResult.lost();
		doubled += patientsResult.doubled();

		Map<String, String[]> bookings = new HashMap<>();
		try (Connection db = this.databases.connect(ServiceName.SCHEDULING);
				Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery("select id, status, lower(during) from booking")) {
			while (rows.next()) {
				bookings.put(rows.getString(1),
						new String[] { rows.getString(2), rows.getTimestamp(3).toInstant().toString() });
			}
		}
		Result bookingsResult = claims(operations, Set.of(FaultWorkload.Kind.BOOKING, FaultWorkload.Kind.HOLD),
				bookings.keySet(), Set.of(), notes);
		lost += bookingsResult.lost();
		doubled += bookingsResult.doubled();
		for (FaultWorkload.Owned booking : owned) {
			String[] row = bookings.get(booking.id);
			if (row == null || booking.uncertain) {
				continue;
			}
			boolean same = row[0].equals(booking.status)
					&& (!booking.status.equals("BOOKED") || Instant.parse(row[1]).equals(booking.start));
			if (!same) {
				lost++;
				note(notes, "lost: booking %s told %s at %s, holds %s at %s", booking.id, booking.status, booking.start,
						row[0], row[1]);
			}
		}
		int numberingFaults = 0;
		if (this.billing) {
			Result quotes = claims(operations, Set.of(FaultWorkload.Kind.QUOTE),
					ids(ServiceName.BILLING, "select id from quote"), Set.of(), notes);
			Result invoices = claims(operations, Set.of(FaultWorkload.Kind.INVOICE),
					ids(ServiceName.BILLING, "select id from invoice"), Set.of(), notes);
			lost += quotes.lost() + invoices.lost();
			doubled += quotes.doubled() + invoices.doubled();
			// Each quote gets one invoice request: a second invoice of a quote is a
			// double whatever the claims above make of it.
			int secondInvoices = count(ServiceName.BILLING,
					"select coalesce(sum(n - 1), 0) from (select count(*) n from invoice group by quote_id) q");
			if (secondInvoices > invoices.doubled()) {
				note(notes, "doubled: %d invoices beyond one per quote", secondInvoices);
				doubled += secondInvoices - invoices.doubled();
			}
			numberingFaults = numbering(notes);
		}
		int overlaps = count(ServiceName.SCHEDULING, """
				select count(*) from booking a join booking b
				  on a.practitioner_id = b.practitioner_id and a.id < b.id and a.during && b.during
				where a.status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
				  and b.status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')""");

		Topics topics = readTopics();
		int missing = 0;
		missing += missingEvents("parcours.partner.v1",
				versions(ServiceName.PARTNER, "select id, version from partner"), topics, notes);
		missing += missingEvents("parcours.partner.v1",
				versions(ServiceName.PARTNER, "select id, version from practitioner"), topics, notes);
		missing += missingEvents("parcours.patient.v1",
				versions(ServiceName.PATIENT, "select id, version from patient"), topics, notes);
		missing += missingEvents("parcours.scheduling.v1",
				versions(ServiceName.SCHEDULING, "select id, version from booking"), topics, notes);
		// A pathway's changes do not all make an event: its opening does.
		for (String pathway : ids(ServiceName.PATIENT, "select id from pathway")) {
			if (!topics.latest.containsKey("parcours.patient.v1/" + pathway)) {
				missing++;
				note(notes, "event missing: pathway %s has none on parcours.patient.v1", pathway);
			}
		}
		if (this.billing) {
			// A draft is announced when it is sent.
			missing += missingEvents("parcours.billing.v1",
					versions(ServiceName.BILLING, "select id, version from quote where status <> 'DRAFT'"), topics,
					notes);
			missing += missingEvents("parcours.billing.v1",
					versions(ServiceName.BILLING, "select id, version from invoice"), topics, notes);
		}

		int webhooksMissing = 0;
		Set<String> delivered = ids(ServiceName.PARTNER, "select event_id from webhook_delivery");
		for (String id : topics.idsOfTypes(HOOKED::contains)) {
			if (!delivered.contains(id)) {
				webhooksMissing++;
				note(notes, "webhook: event %s has no delivery", id);
			}
		}
		webhooksMissing += count(ServiceName.PARTNER,
				"select count(*) from webhook_delivery where status <> 'DELIVERED'");
		return new Findings(lost, doubled, overlaps, missing, topics.duplicates, topics.outOfOrder,
				readModelsMissing(notes), timelinesBehind(notes), webhooksMissing, numberingFaults, outboxLeft(),
				topics.deadLettered, notes);
	}

	private record Result(int lost, int doubled) {
	}

	/**
	 * For creations the database gives ids to: every acknowledged id must be there; rows
	 * no client was told of are effects of requests never answered, or doubles.
	 */
	private static Result claims(List<FaultWorkload.Operation> operations, Set<FaultWorkload.Kind> kinds,
			Set<String> stored, Set<String> known, List<String> notes) {
		Set<String> claimed = new HashSet<>(known);
		int lost = 0;
		int unanswered = 0;
		for (FaultWorkload.Operation operation : operations) {
			if (!kinds.contains(operation.kind())) {
				continue;
			}
			if (operation.acknowledged()) {
				claimed.add(operation.id());
				if (!stored.contains(operation.id())) {
					lost++;
					note(notes, "lost: %s %s acknowledged as %s, not in the database", operation.kind(),
							operation.key(), operation.id());
				}
			}
			else if (operation.gaveUp()) {
				unanswered++;
			}
		}
		long unclaimed = stored.stream().filter((id) -> !claimed.contains(id)).count();
		int doubled = (int) Math.max(0, unclaimed - unanswered);
		if (doubled > 0) {
			note(notes, "doubled: %d %s rows no client was told of, %d requests never answered", unclaimed, kinds,
					unanswered);
		}
		return new Result(lost, doubled);
	}

	private int missingEvents(String topic, Map<String, Long> versions, Topics topics, List<String> notes) {
		int missing = 0;
		for (Map.Entry<String, Long> aggregate : versions.entrySet()) {
			long onTopic = topics.latest.getOrDefault(topic + "/" + aggregate.getKey(), -1L);
			if (onTopic < aggregate.getValue()) {
				missing++;
				note(notes, "event missing: %s %s at version %d, latest on the topic %d", topic, aggregate.getKey(),
						aggregate.getValue(), onTopic);
			}
		}
		return missing;
	}

	int readModelsMissing(List<String> notes) throws SQLException {
		Set<String> schedules = ids(ServiceName.SCHEDULING, "select practitioner_id from schedule");
		Set<String> partners = ids(ServiceName.SCHEDULING, "select id from partner");
		Set<String> patients = ids(ServiceName.SCHEDULING, "select id from known_patient");
		int missing = 0;
		missing += absent(ids(ServiceName.PARTNER, "select id from practitioner"), schedules, "practitioner", notes);
		missing += absent(ids(ServiceName.PARTNER, "select id from partner"), partners, "partner", notes);
		missing += absent(ids(ServiceName.PATIENT, "select id from patient"), patients, "patient", notes);
		return missing;
	}

	private static int absent(Set<String> expected, Set<String> copy, String what, List<String> notes) {
		int missing = 0;
		for (String id : expected) {
			if (!copy.contains(id)) {
				missing++;
				note(notes, "read model: scheduling has no copy of %s %s", what, id);
			}
		}
		return missing;
	}

	/**
	 * Bookings made for a pathway step (scheduling) and quotes sent for one (billing)
	 * whose latest version is not the latest the pathway's timeline in patient-service
	 * shows of them: the timeline is a read model of their events.
	 */
	int timelinesBehind(List<String> notes) throws SQLException {
		Map<String, Long> shown = versions(ServiceName.PATIENT, """
				select source_id, max(source_version) from pathway_timeline_entry
				where event_type like 'scheduling.%' or event_type like 'billing.%' group by source_id""");
		int behind = behind(
				versions(ServiceName.SCHEDULING, "select id, version from booking where pathway_id is not null"), shown,
				"booking", notes);
		if (this.billing) {
			behind += behind(versions(ServiceName.BILLING, "select id, version from quote where status <> 'DRAFT'"),
					shown, "quote", notes);
		}
		return behind;
	}

	private static int behind(Map<String, Long> held, Map<String, Long> shown, String what, List<String> notes) {
		int behind = 0;
		for (Map.Entry<String, Long> source : held.entrySet()) {
			long onTimeline = shown.getOrDefault(source.getKey(), -1L);
			if (onTimeline != source.getValue()) {
				behind++;
				note(notes, "timeline: %s %s at version %d, the pathway's timeline shows version %d", what,
						source.getKey(), source.getValue(), onTimeline);
			}
		}
		return behind;
	}

	/**
	 * Per issuer and year, invoices and credit notes share one sequence: numbers 1..N,
	 * each once, N where the counter stands.
	 */
	private int numbering(List<String> notes) throws SQLException {
		int faults = 0;
		try (Connection db = this.databases.connect(ServiceName.BILLING);
				Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery("""
						select c.issuer_id, c.year, c.last, count(n.sequence), count(distinct n.sequence),
						       coalesce(max(n.sequence), 0)
						from invoice_counter c
						left join (select issuer_id, year, sequence from invoice
						           union all select issuer_id, year, sequence from credit_note) n
						  on n.issuer_id = c.issuer_id and n.year = c.year
						group by c.issuer_id, c.year, c.last""")) {
			while (rows.next()) {
				int last = rows.getInt(3);
				int all = rows.getInt(4);
				int distinct = rows.getInt(5);
				int max = rows.getInt(6);
				int fault = (all - distinct) + (max - distinct) + Math.abs(last - max);
				if (fault > 0) {
					faults += fault;
					note(notes, "numbering: issuer %s %d: %d documents, %d numbers, highest %d, counter at %d",
							rows.getString(1), rows.getInt(2), all, distinct, max, last);
				}
			}
		}
		return faults;
	}

	int outboxLeft() throws SQLException {
		int left = 0;
		List<ServiceName> services = new ArrayList<>(
				List.of(ServiceName.PARTNER, ServiceName.SCHEDULING, ServiceName.PATIENT));
		if (this.billing) {
			services.add(ServiceName.BILLING);
		}
		for (ServiceName service : services) {
			left += count(service, "select count(*) from parcours_platform.outbox_event");
		}
		return left;
	}

	/**
	 * Records on the platform's topics that some consumer group has not committed yet
	 * (partner-service's webhook deliveries are made as it consumes), or -1 while the
	 * broker does not answer.
	 */
	private long consumerLag() {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.bootstrapServers, "default.api.timeout.ms",
				10_000, "request.timeout.ms", 5_000))) {
			long lag = 0;
			for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				committed.keySet().forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
				var ends = admin.listOffsets(latest).all().get();
				for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
					if (entry.getValue() != null) {
						lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
					}
				}
			}
			return lag;
		}
		catch (ExecutionException | RuntimeException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private int pendingDeliveries() throws SQLException {
		return count(ServiceName.PARTNER, "select count(*) from webhook_delivery where status = 'PENDING'");
	}

	private static final class Topics {

		/** By {@code topic/subject}: the highest aggregate version seen. */
		final Map<String, Long> latest = new HashMap<>();

		final Map<String, String> typeById = new HashMap<>();

		int duplicates;

		int outOfOrder;

		int deadLettered;

		Collection<String> idsOfTypes(Predicate<String> types) {
			return this.typeById.entrySet()
				.stream()
				.filter((e) -> types.test(e.getValue()))
				.map(Map.Entry::getKey)
				.toList();
		}

	}

	/** Every record of the platform's topics, from the beginning to the end offsets. */
	private Topics readTopics() {
		Topics topics = new Topics();
		Map<String, Object> settings = Map.of("bootstrap.servers", this.bootstrapServers, "group.id",
				"fault-checker-" + UUID.randomUUID(), "enable.auto.commit", "false", "max.poll.records", "2000");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(Duration.ofSeconds(30))
				.entrySet()) {
				if (topic.getKey().startsWith("parcours.")) {
					topic.getValue().forEach((p) -> partitions.add(new TopicPartition(p.topic(), p.partition())));
				}
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			Map<String, Long> versionSoFar = new HashMap<>();
			Set<String> outOfOrder = new HashSet<>();
			Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
			while (ends.entrySet().stream().anyMatch((e) -> consumer.position(e.getKey()) < e.getValue())
					&& Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.topic().endsWith(".dlt")) {
						topics.deadLettered++;
						continue;
					}
					JsonNode event = JSON.readTree(record.value());
					String id = event.path("id").asString();
					if (topics.typeById.put(id, event.path("type").asString()) != null) {
						topics.duplicates++;
					}
					String aggregate = record.topic() + "/" + event.path("subject").asString();
					long version = event.path("aggregateVersion").asLong();
					Long before = versionSoFar.put(aggregate, version);
					if (before != null && before > version) {
						outOfOrder.add(aggregate);
					}
					topics.latest.merge(aggregate, version, Math::max);
				}
			}
			topics.outOfOrder = outOfOrder.size();
		}
		return topics;
	}

	private Map<String, List<String>> byName(ServiceName service, String sql) throws SQLException {
		Map<String, List<String>> byName = new HashMap<>();
		try (Connection db = this.databases.connect(service);
				Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				byName.computeIfAbsent(rows.getString(1), (name) -> new ArrayList<>()).add(rows.getString(2));
			}
		}
		return byName;
	}

	private Map<String, Long> versions(ServiceName service, String sql) throws SQLException {
		Map<String, Long> versions = new HashMap<>();
		try (Connection db = this.databases.connect(service);
				Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				versions.put(rows.getString(1), rows.getLong(2));
			}
		}
		return versions;
	}

	private Set<String> ids(ServiceName service, String sql) throws SQLException {
		Set<String> ids = new HashSet<>();
		try (Connection db = this.databases.connect(service);
				Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		return ids;
	}

	private int count(ServiceName service, String sql) throws SQLException {
		try (Connection db = this.databases.connect(service);
				Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static void note(List<String> notes, String format, Object... arguments) {
		if (notes.size() < 20) {
			notes.add(String.format(format, arguments));
		}
	}

}
