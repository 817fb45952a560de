package care.parcours.billing.invoices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import care.parcours.events.billing.BillingEvent;
import care.parcours.events.billing.CreditNoteIssued;
import care.parcours.events.billing.InvoiceIssued;
import care.parcours.events.billing.InvoiceSettled;
import care.parcours.events.billing.PaymentReceived;
import care.parcours.events.billing.PaymentRefunded;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * An issued invoice: what it bills never changes; credit notes, payments and refunds move
 * its balance, which is always its total less what was paid, plus what was paid back,
 * less what was credited, and never below zero nor above the total. Its status follows
 * from that balance alone. Every change returns the invoice after it and its events.
 *
 * @param id the invoice
 * @param number its number in the issuer's sequence of the year
 * @param kind deposit, balance or full
 * @param issuerId the partner that issues it
 * @param patientId for whom (an id only)
 * @param pathwayId the care pathway of its quote
 * @param stepId the pathway's step of its quote, if any
 * @param quoteId the quote it bills
 * @param quoteVersion the quote's accepted version
 * @param currency of every amount
 * @param language fr, en or nl, as its quote
 * @param lines what it bills
 * @param care the appointments (performed care) a balance bills
 * @param dueOn the day it is due
 * @param issuedAt when it was issued
 * @param movements its credit notes, payments and refunds, in order
 * @param settledAt when its balance first reached zero
 * @param version counts every change
 */
public record Invoice(UUID id, DocumentNumber number, InvoiceKind kind, UUID issuerId, UUID patientId, UUID pathwayId,
		@Nullable UUID stepId, UUID quoteId, int quoteVersion, Currency currency, String language,
		List<InvoiceLine> lines, List<UUID> care, LocalDate dueOn, Instant issuedAt, List<Movement> movements,
		@Nullable Instant settledAt, long version) {

	public Invoice {
		lines = List.copyOf(lines);
		care = List.copyOf(care);
		movements = List.copyOf(movements);
	}

	/**
	 * An invoice after a change.
	 *
	 * @param invoice the invoice after it
	 * @param events what to announce
	 * @param added the credit note, payment or refund it added, if any
	 */
	public record Change(Invoice invoice, List<BillingEvent> events, @Nullable Movement added) {

	}

	/**
	 * Issues a draft under its number.
	 * @throws RuleViolationException when it would bill nothing, or less than nothing to
	 * one of its payers
	 */
	static Change issue(UUID id, DocumentNumber number, InvoiceDraft draft, LocalDate dueOn, Instant now) {
		Invoice invoice = new Invoice(id, number, draft.kind(), draft.issuerId(), draft.patientId(), draft.pathwayId(),
				draft.stepId(), draft.quoteId(), draft.quoteVersion(), draft.currency(), draft.language(),
				draft.lines(), draft.care(), dueOn, now, List.of(), null, 0);
		if (invoice.total().amount().signum() <= 0) {
			throw new RuleViolationException("nothing-to-invoice", "This " + draft.kind() + " invoice would bill "
					+ invoice.total() + ": there is nothing to invoice.");
		}
		if (invoice.insurersTotal().isNegative() || invoice.patientTotal().isNegative()
				|| invoice.sum(InvoiceLine::net).isNegative() || invoice.sum(InvoiceLine::vat).isNegative()) {
			throw new RuleViolationException("deposits-exceed-balance",
					"The deposits invoiced on quote " + draft.quoteId()
							+ " exceed what this invoice bills to one of its payers: credit the deposit instead.");
		}
		return new Change(invoice,
				List.of(new InvoiceIssued(id, number.toString(), draft.kind().name(), draft.patientId(),
						draft.issuerId(), draft.quoteId(), draft.quoteVersion(), draft.currency().getCurrencyCode(),
						text(invoice.total()), text(invoice.insurersTotal()), text(invoice.patientTotal()), dueOn, now,
						draft.stepId())),
				null);
	}

	public Money net() {
		return sum(InvoiceLine::net);
	}

	public Money vat() {
		return sum(InvoiceLine::vat);
	}

	public Money total() {
		return sum(InvoiceLine::total);
	}

	public Money insurersTotal() {
		return sum(InvoiceLine::insurers);
	}

	public Money patientTotal() {
		return sum(InvoiceLine::patient);
	}

	/** Every payment received. */
	public Money paid() {
		return movements(Movement.Payment.class);
	}

	public Money refunded() {
		return movements(Movement.Refund.class);
	}

	public Money credited() {
		return movements(Movement.CreditNote.class);
	}

	/** What remains due: the one place it is computed. */
	public Money balance() {
		return total().minus(paid()).plus(refunded()).minus(credited());
	}

	public InvoiceStatus status() {
		Money balance = balance();
		if (balance.equals(total())) {
			return InvoiceStatus.ISSUED;
		}
		if (balance.amount().signum() > 0) {
			return InvoiceStatus.PARTIALLY_PAID;
		}
		return paid().equals(refunded()) ? InvoiceStatus.CREDITED : InvoiceStatus.PAID;
	}

	/**
	 * A credit note of at most what remains due: to correct a paid invoice, refund first.
	 */
	Change credit(UUID creditNoteId, DocumentNumber creditNumber, CreditReason reason, Money amount, Instant now) {
		positive("amount", amount);
		if (amount.amount().compareTo(balance().amount()) > 0) {
			throw new RuleViolationException("credit-exceeds-balance",
					"A credit note of " + amount + " exceeds the " + balance() + " that remains due on invoice "
							+ number + ": refund what was paid first, then credit it.",
					Map.of("balance", text(balance())));
		}
		Movement.CreditNote note = new Movement.CreditNote(creditNoteId, creditNumber, reason, amount, now);
		Invoice next = with(note, now);
		List<BillingEvent> events = new ArrayList<>();
		events.add(new CreditNoteIssued(creditNoteId, creditNumber.toString(), id, patientId, issuerId, reason.name(),
				code(), text(amount), text(next.balance()), now, stepId));
		return next.settling(events, note, now);
	}

	/**
	 * Money received, at most what remains due; the same provider's reference again (same
	 * amount, same method) changes nothing.
	 */
	Change pay(UUID paymentId, PaymentMethod method, String provider, String reference, @Nullable UUID insurerId,
			Money amount, Instant receivedAt, Instant now) {
		for (Movement movement : movements) {
			if (movement instanceof Movement.Payment earlier && earlier.provider().equals(provider)
					&& earlier.reference().equals(reference)) {
				if (!earlier.sameAs(method, amount, insurerId)) {
					throw new ReferenceUsed(provider, reference);
				}
				return new Change(this, List.of(), null);
			}
		}
		positive("amount", amount);
		if ((method == PaymentMethod.INSURER_SETTLEMENT) != (insurerId != null)) {
			throw InvalidRequestException.ofField("insurerId", "is given for an insurer's settlement, and only then");
		}
		if (insurerId != null && lines.stream()
			.flatMap(line -> line.shares().stream())
			.noneMatch(share -> share.insurerId().equals(insurerId))) {
			throw new RuleViolationException("insurer-not-billed",
					"Insurer " + insurerId + " is billed nothing on invoice " + number + ".");
		}
		if (amount.amount().compareTo(balance().amount()) > 0) {
			throw new RuleViolationException("payment-exceeds-balance", "A payment of " + amount + " exceeds the "
					+ balance() + " that remains due on invoice " + number + ".", Map.of("balance", text(balance())));
		}
		Movement.Payment payment = new Movement.Payment(paymentId, method, provider, reference, insurerId, amount,
				receivedAt);
		Invoice next = with(payment, now);
		List<BillingEvent> events = new ArrayList<>();
		events.add(new PaymentReceived(paymentId, id, patientId, issuerId, method.name(), insurerId, code(),
				text(amount), text(next.balance()), receivedAt, stepId));
		return next.settling(events, payment, now);
	}

	/** Pays money back: at most what was kept, of the invoice or of the payment named. */
	Change refund(UUID refundId, @Nullable UUID paymentId, Money amount, Instant now) {
		positive("amount", amount);
		Money kept = paid().minus(refunded());
		if (paymentId != null) {
			Movement.Payment payment = movements.stream()
				.filter(m -> m instanceof Movement.Payment p && p.id().equals(paymentId))
				.map(Movement.Payment.class::cast)
				.findFirst()
				.orElseThrow(() -> new NotFoundException("payment-not-found",
						"Invoice " + number + " has no payment " + paymentId + "."));
			Money returned = movements.stream()
				.filter(m -> m instanceof Movement.Refund r && paymentId.equals(r.paymentId()))
				.map(Movement::amount)
				.reduce(Money.zero(currency), Money::plus);
			kept = payment.amount().minus(returned);
		}
		if (amount.amount().compareTo(kept.amount()) > 0) {
			throw new RuleViolationException("refund-exceeds-paid",
					"A refund of " + amount + " exceeds the " + kept + " kept on invoice " + number + ".",
					Map.of("refundable", text(kept)));
		}
		Movement.Refund refund = new Movement.Refund(refundId, paymentId, amount, now);
		Invoice next = with(refund, now);
		return new Change(next, List.of(new PaymentRefunded(refundId, id, paymentId, patientId, issuerId, code(),
				text(amount), text(next.balance()), now, stepId)), refund);
	}

	/** The invoice settled, once: the first time its balance reaches zero. */
	private Change settling(List<BillingEvent> events, Movement added, Instant now) {
		if (settledAt != null || balance().amount().signum() != 0) {
			return new Change(this, events, added);
		}
		Invoice settled = new Invoice(id, number, kind, issuerId, patientId, pathwayId, stepId, quoteId, quoteVersion,
				currency, language, lines, care, dueOn, issuedAt, movements, now, version);
		events.add(new InvoiceSettled(id, number.toString(), patientId, issuerId, code(), text(total()),
				text(paid().minus(refunded())), text(credited()), now, stepId));
		return new Change(settled, events, added);
	}

	private Invoice with(Movement movement, Instant now) {
		List<Movement> next = new ArrayList<>(movements);
		next.add(movement);
		return new Invoice(id, number, kind, issuerId, patientId, pathwayId, stepId, quoteId, quoteVersion, currency,
				language, lines, care, dueOn, issuedAt, next, settledAt, version + 1);
	}

	private void positive(String field, Money amount) {
		if (!amount.currency().equals(currency)) {
			throw InvalidRequestException.ofField(field + ".currency",
					"must be the invoice's currency, " + currency.getCurrencyCode());
		}
		if (amount.amount().signum() <= 0) {
			throw InvalidRequestException.ofField(field, "must be more than zero");
		}
	}

	private Money movements(Class<? extends Movement> type) {
		return movements.stream()
			.filter(type::isInstance)
			.map(Movement::amount)
			.reduce(Money.zero(currency), Money::plus);
	}

	private Money sum(Function<InvoiceLine, Money> amount) {
		return lines.stream().map(amount).reduce(Money.zero(currency), Money::plus);
	}

	private String code() {
		return currency.getCurrencyCode();
	}

	private static String text(Money money) {
		return money.amount().toPlainString();
	}

	/** A provider's reference names one payment: the same one again, or a conflict. */
	public static final class ReferenceUsed extends ConflictException {

		ReferenceUsed(String provider, String reference) {
			super("payment-reference-used",
					"The reference " + quote(reference) + " of " + quote(provider)
							+ " names another payment (another invoice, amount or method).",
					Map.of("provider", provider));
		}

	}

}
