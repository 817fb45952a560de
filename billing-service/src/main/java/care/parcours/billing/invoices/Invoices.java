package care.parcours.billing.invoices;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.money.Money;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All issued invoices with their lines, credit notes, payments and refunds. What was
 * issued is inserted once and never updated (the database refuses it too); a change
 * inserts its movement and writes the running totals over the version it was read at,
 * with its events on the invoice's pathway, the invoice as their aggregate.
 */
@Repository
class Invoices {

	private static final String COLUMNS = """
			id, issuer_id, year, sequence, kind, patient_id, pathway_id, step_id, quote_id, quote_version, currency,
			language, due_on, issued_at, settled_at, version""";

	private final JdbcClient jdbc;

	private final Outbox outbox;

	Invoices(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	void add(Invoice.Change issued) {
		Invoice invoice = issued.invoice();
		jdbc.sql("""
				insert into invoice (id, issuer_id, year, sequence, number, kind, patient_id, pathway_id, step_id,
				                     quote_id, quote_version, currency, language, net, vat, total, insurers_total,
				                     patient_total, due_on, issued_at, paid, refunded, credited, balance, status,
				                     settled_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, null, ?)
				""")
			.params(invoice.id(), invoice.issuerId(), invoice.number().year(), invoice.number().sequence(),
					invoice.number().toString(), invoice.kind().name(), invoice.patientId(), invoice.pathwayId(),
					invoice.stepId(), invoice.quoteId(), invoice.quoteVersion(), invoice.currency().getCurrencyCode(),
					invoice.language(), invoice.net().amount(), invoice.vat().amount(), invoice.total().amount(),
					invoice.insurersTotal().amount(), invoice.patientTotal().amount(), invoice.dueOn(),
					ts(invoice.issuedAt()), invoice.balance().amount(), invoice.status().name(), invoice.version())
			.update();
		for (InvoiceLine line : invoice.lines()) {
			jdbc.sql("""
					insert into invoice_line (invoice_id, position, quote_position, code, label, quantity, unit_price,
					                          vat_rate, net, vat, total, patient_share)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(invoice.id(), line.position(), line.quotePosition(), line.code(), line.label(), line.quantity(),
						line.unitPrice() == null ? null : line.unitPrice().amount(), line.vatRate(),
						line.net().amount(), line.vat().amount(), line.total().amount(), line.patient().amount())
				.update();
			int rank = 0;
			for (InvoiceLine.PayerShare share : line.shares()) {
				jdbc.sql("""
						insert into invoice_line_share (invoice_id, position, payer_rank, policy_id, insurer_id, amount)
						values (?, ?, ?, ?, ?, ?)
						""")
					.params(invoice.id(), line.position(), ++rank, share.policyId(), share.insurerId(),
							share.amount().amount())
					.update();
			}
		}
		for (UUID appointment : invoice.care()) {
			jdbc.sql("insert into invoice_care (invoice_id, appointment_id) values (?, ?)")
				.params(invoice.id(), appointment)
				.update();
		}
		announce(issued);
	}

	/**
	 * Writes a change over the version it was read at.
	 * @throws StaleVersion when someone changed it in between
	 */
	void save(Invoice.Change change, Instant now) {
		Invoice invoice = change.invoice();
		if (change.added() == null) {
			return;
		}
		switch (change.added()) {
			case Movement.CreditNote note -> jdbc
				.sql("""
						insert into credit_note (id, invoice_id, issuer_id, year, sequence, number, reason, amount, issued_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
				.params(note.id(), invoice.id(), invoice.issuerId(), note.number().year(), note.number().sequence(),
						note.number().toString(), note.reason().name(), note.amount().amount(), ts(note.issuedAt()))
				.update();
			case Movement.Payment payment -> jdbc.sql("""
					insert into payment (id, invoice_id, method, provider, reference, insurer_id, amount, received_at,
					                     recorded_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(payment.id(), invoice.id(), payment.method().name(), payment.provider(), payment.reference(),
						payment.insurerId(), payment.amount().amount(), ts(payment.receivedAt()), ts(now))
				.update();
			case Movement.Refund refund -> jdbc.sql("""
					insert into refund (id, invoice_id, payment_id, amount, refunded_at) values (?, ?, ?, ?, ?)
					""")
				.params(refund.id(), invoice.id(), refund.paymentId(), refund.amount().amount(),
						ts(refund.refundedAt()))
				.update();
		}
		int updated = jdbc.sql("""
				update invoice set paid = ?, refunded = ?, credited = ?, balance = ?, status = ?, settled_at = ?,
				                   version = ?
				where id = ? and version = ?
				""")
			.params(invoice.paid().amount(), invoice.refunded().amount(), invoice.credited().amount(),
					invoice.balance().amount(), invoice.status().name(), ts(invoice.settledAt()), invoice.version(),
					invoice.id(), invoice.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Invoice " + invoice.id());
		}
		announce(change);
	}

	Optional<Invoice> find(UUID id) {
		return load("select " + COLUMNS + " from invoice where id = ?", id);
	}

	/** Locks the invoice for the rest of the transaction. */
	Optional<Invoice> lock(UUID id) {
		return load("select " + COLUMNS + " from invoice where id = ? for update", id);
	}

	/** The invoices of a quote, oldest first. */
	List<Invoice> ofQuote(UUID quoteId) {
		return jdbc.sql("select id from invoice where quote_id = ? order by issued_at, id")
			.param(quoteId)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> find(id).orElseThrow())
			.toList();
	}

	/**
	 * What a quote was invoiced so far, without loading its invoices: deposits are issued
	 * many times per quote, and each needs only their sum.
	 *
	 * @param closed whether it was invoiced in full or for its balance
	 * @param deposits how many deposits were invoiced
	 * @param depositsKept what they bill after their credit notes
	 */
	record Invoiced(boolean closed, int deposits, BigDecimal depositsKept) {

	}

	Invoiced invoicedOf(UUID quoteId) {
		return jdbc.sql("""
				select coalesce(bool_or(kind <> 'DEPOSIT'), false) as closed,
				       count(*) filter (where kind = 'DEPOSIT') as deposits,
				       coalesce(sum(total - credited) filter (where kind = 'DEPOSIT'), 0) as kept
				from invoice where quote_id = ?
				""")
			.param(quoteId)
			.query((rs, n) -> new Invoiced(rs.getBoolean("closed"), rs.getInt("deposits"), rs.getBigDecimal("kept")))
			.single();
	}

	/** The invoice a provider's reference was recorded against, if any. */
	Optional<UUID> paidWith(String provider, String reference) {
		return jdbc.sql("select invoice_id from payment where provider = ? and reference = ?")
			.params(provider, reference)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Invoices, newest first, of one issuer, patient, pathway, quote or status when
	 * given.
	 */
	Page<Invoice> list(@Nullable UUID issuerId, @Nullable UUID patientId, @Nullable UUID pathwayId,
			@Nullable UUID quoteId, @Nullable InvoiceStatus status, PageQuery page) {
		String where = """
				where (cast(:issuerId as uuid) is null or issuer_id = :issuerId)
				  and (cast(:patientId as uuid) is null or patient_id = :patientId)
				  and (cast(:pathwayId as uuid) is null or pathway_id = :pathwayId)
				  and (cast(:quoteId as uuid) is null or quote_id = :quoteId)
				  and (cast(:status as text) is null or status = :status)
				""";
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("issuerId", issuerId);
		params.put("patientId", patientId);
		params.put("pathwayId", pathwayId);
		params.put("quoteId", quoteId);
		params.put("status", status == null ? null : status.name());
		List<UUID> ids = jdbc
			.sql("select id from invoice " + where + " order by issued_at desc, id limit :size offset :offset")
			.params(params)
			.param("size", page.size())
			.param("offset", page.offset())
			.query(UUID.class)
			.list();
		long total = jdbc.sql("select count(*) from invoice " + where).params(params).query(Long.class).single();
		return Page.of(ids.stream().map(id -> find(id).orElseThrow()).toList(), page, total);
	}

	private void announce(Invoice.Change change) {
		Invoice invoice = change.invoice();
		change.events().forEach(event -> outbox.publish(event, invoice.id(), invoice.version(), invoice.pathwayId()));
	}

	private Optional<Invoice> load(String sql, UUID id) {
		return jdbc.sql(sql).param(id).query((rs, row) -> invoice(rs)).optional();
	}

	private Invoice invoice(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Currency currency = Currency.getInstance(rs.getString("currency"));
		Map<Integer, List<InvoiceLine.PayerShare>> shares = new HashMap<>();
		jdbc.sql("select * from invoice_line_share where invoice_id = ? order by position, payer_rank")
			.param(id)
			.query((r, n) -> shares.computeIfAbsent(r.getInt("position"), k -> new ArrayList<>())
				.add(new InvoiceLine.PayerShare(r.getObject("policy_id", UUID.class),
						r.getObject("insurer_id", UUID.class), money(r, "amount", currency))))
			.list();
		List<InvoiceLine> lines = jdbc.sql("select * from invoice_line where invoice_id = ? order by position")
			.param(id)
			.query((r, n) -> {
				BigDecimal unitPrice = r.getBigDecimal("unit_price");
				BigDecimal vatRate = r.getBigDecimal("vat_rate");
				return new InvoiceLine(r.getInt("position"), r.getObject("quote_position", Integer.class),
						r.getString("code"), r.getString("label"), r.getBigDecimal("quantity"),
						unitPrice == null ? null : new Money(unitPrice, currency),
						vatRate == null ? null : vatRate.stripTrailingZeros(), money(r, "net", currency),
						money(r, "vat", currency), money(r, "total", currency),
						shares.getOrDefault(r.getInt("position"), List.of()), money(r, "patient_share", currency));
			})
			.list();
		List<UUID> care = jdbc
			.sql("select appointment_id from invoice_care where invoice_id = ? order by appointment_id")
			.param(id)
			.query(UUID.class)
			.list();
		List<Timed> movements = new ArrayList<>();
		jdbc.sql("select * from credit_note where invoice_id = ?").param(id).query((r, n) -> {
			Instant at = r.getTimestamp("issued_at").toInstant();
			return movements.add(new Timed(at,
					new Movement.CreditNote(r.getObject("id", UUID.class),
							new DocumentNumber(r.getInt("year"), r.getInt("sequence")),
							CreditReason.valueOf(r.getString("reason")), money(r, "amount", currency), at)));
		}).list();
		jdbc.sql("select * from payment where invoice_id = ?").param(id).query((r, n) -> {
			return movements.add(new Timed(r.getTimestamp("recorded_at").toInstant(),
					new Movement.Payment(r.getObject("id", UUID.class), PaymentMethod.valueOf(r.getString("method")),
							r.getString("provider"), r.getString("reference"), r.getObject("insurer_id", UUID.class),
							money(r, "amount", currency), r.getTimestamp("received_at").toInstant())));
		}).list();
		jdbc.sql("select * from refund where invoice_id = ?").param(id).query((r, n) -> {
			Instant at = r.getTimestamp("refunded_at").toInstant();
			return movements.add(new Timed(at, new Movement.Refund(r.getObject("id", UUID.class),
					r.getObject("payment_id", UUID.class), money(r, "amount", currency), at)));
		}).list();
		movements.sort(Comparator.comparing(Timed::at));
		return new Invoice(id, new DocumentNumber(rs.getInt("year"), rs.getInt("sequence")),
				InvoiceKind.valueOf(rs.getString("kind")), rs.getObject("issuer_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getObject("pathway_id", UUID.class),
				rs.getObject("step_id", UUID.class), rs.getObject("quote_id", UUID.class), rs.getInt("quote_version"),
				currency, rs.getString("language"), lines, care, rs.getObject("due_on", LocalDate.class),
				rs.getTimestamp("issued_at").toInstant(), movements.stream().map(Timed::movement).toList(),
				instant(rs.getTimestamp("settled_at")), rs.getLong("version"));
	}

	private record Timed(Instant at, Movement movement) {

	}

	private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
		return new Money(rs.getBigDecimal(column), currency);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
