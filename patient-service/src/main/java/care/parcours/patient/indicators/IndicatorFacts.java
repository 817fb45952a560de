package care.parcours.patient.indicators;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the indicators' facts. Each statement is an upsert that keeps the earliest time
 * (or the highest version), so a redelivered or late fact leaves what it would have left
 * arriving once and in order; the consumer's record of handled event ids is the first
 * guard, this the second (the same fact re-published under a new id).
 */
@Repository
class IndicatorFacts {

	/** What a pathway did first. */
	enum First {

		QUOTE, APPOINTMENT

	}

	/** Money billing reported on an invoice. */
	enum Money {

		INVOICED, CREDITED, PAID, REFUNDED

	}

	/** How an appointment ended. */
	enum Outcome {

		COMPLETED, NO_SHOW

	}

	private final JdbcClient jdbc;

	IndicatorFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the earliest quote or booking of a pathway this service opened; a pathway it
	 * does not know (another environment's id) has no opening to count from.
	 */
	void first(UUID pathwayId, First kind, UUID partnerId, UUID sourceId, Instant at) {
		Optional<Instant> opened = jdbc.sql("select opened_at from pathway where id = :id")
			.param("id", pathwayId)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional();
		opened.ifPresent(openedAt -> jdbc.sql("""
				insert into indicator_pathway_first (pathway_id, kind, partner_id, source_id, opened_at, first_at)
				values (:pathway, :kind, :partner, :source, :opened, :at)
				on conflict (pathway_id, kind) do update
				set partner_id = excluded.partner_id, source_id = excluded.source_id, first_at = excluded.first_at
				where (excluded.first_at, excluded.source_id)
				    < (indicator_pathway_first.first_at, indicator_pathway_first.source_id)
				""")
			.param("pathway", pathwayId)
			.param("kind", kind.name())
			.param("partner", partnerId)
			.param("source", sourceId)
			.param("opened", Timestamp.from(openedAt))
			.param("at", Timestamp.from(at))
			.update());
	}

	void quoteSent(UUID quoteId, UUID partnerId, Instant at) {
		jdbc.sql("""
				insert into indicator_quote (quote_id, partner_id, first_sent_at) values (:quote, :partner, :at)
				on conflict (quote_id) do update
				set first_sent_at = least(indicator_quote.first_sent_at, excluded.first_sent_at)
				""").param("quote", quoteId).param("partner", partnerId).param("at", Timestamp.from(at)).update();
	}

	void quoteAccepted(UUID quoteId, UUID partnerId, Instant at) {
		jdbc.sql("""
				insert into indicator_quote (quote_id, partner_id, accepted_at) values (:quote, :partner, :at)
				on conflict (quote_id) do update
				set accepted_at = least(indicator_quote.accepted_at, excluded.accepted_at)
				""").param("quote", quoteId).param("partner", partnerId).param("at", Timestamp.from(at)).update();
	}

	/** The outcome of the highest version wins, whichever arrives last. */
	void outcome(UUID appointmentId, UUID partnerId, Outcome outcome, long version, Instant at) {
		jdbc.sql("""
				insert into indicator_appointment (appointment_id, partner_id, outcome, outcome_version, outcome_at)
				values (:appointment, :partner, :outcome, :version, :at)
				on conflict (appointment_id) do update
				set outcome = excluded.outcome, outcome_version = excluded.outcome_version,
				    outcome_at = excluded.outcome_at
				where indicator_appointment.outcome_version is null
				   or indicator_appointment.outcome_version < excluded.outcome_version
				""")
			.param("appointment", appointmentId)
			.param("partner", partnerId)
			.param("outcome", outcome.name())
			.param("version", version)
			.param("at", Timestamp.from(at))
			.update();
	}

	void cancelled(UUID appointmentId, UUID partnerId, Instant at) {
		jdbc.sql("""
				insert into indicator_appointment (appointment_id, partner_id, cancelled_at)
				values (:appointment, :partner, :at)
				on conflict (appointment_id) do update
				set cancelled_at = least(indicator_appointment.cancelled_at, excluded.cancelled_at)
				""")
			.param("appointment", appointmentId)
			.param("partner", partnerId)
			.param("at", Timestamp.from(at))
			.update();
	}

	void rescheduled(UUID appointmentId, long version, UUID partnerId, Instant at) {
		jdbc.sql("""
				insert into indicator_reschedule (appointment_id, version, partner_id, moved_at)
				values (:appointment, :version, :partner, :at) on conflict do nothing
				""")
			.param("appointment", appointmentId)
			.param("version", version)
			.param("partner", partnerId)
			.param("at", Timestamp.from(at))
			.update();
	}

	void money(UUID sourceId, Money kind, UUID invoiceId, UUID partnerId, String currency, BigDecimal amount,
			Instant at) {
		jdbc.sql("""
				insert into indicator_money (source_id, kind, invoice_id, partner_id, currency, amount, at)
				values (:source, :kind, :invoice, :partner, :currency, :amount, :at) on conflict do nothing
				""")
			.param("source", sourceId)
			.param("kind", kind.name())
			.param("invoice", invoiceId)
			.param("partner", partnerId)
			.param("currency", currency)
			.param("amount", amount)
			.param("at", Timestamp.from(at))
			.update();
	}

}
