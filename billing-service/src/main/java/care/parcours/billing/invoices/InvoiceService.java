package care.parcours.billing.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.billing.BillingProperties;
import care.parcours.billing.quotes.Quote;
import care.parcours.billing.quotes.QuoteService;
import care.parcours.billing.quotes.QuoteVersion;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.money.Money;
import care.parcours.platform.retry.RetryOnContention;
import care.parcours.platform.security.Caller;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues invoices from accepted quotes and records their credit notes, payments and
 * refunds, each change with its number (if it takes one) and its events in one
 * transaction.
 */
@Service
public class InvoiceService {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Invoices invoices;

	private final DocumentNumbers numbers;

	private final PerformedCare care;

	private final QuoteService quotes;

	private final BillingProperties properties;

	private final Clock clock;

	InvoiceService(Invoices invoices, DocumentNumbers numbers, PerformedCare care, QuoteService quotes,
			BillingProperties properties, Clock clock) {
		this.invoices = invoices;
		this.numbers = numbers;
		this.care = care;
		this.quotes = quotes;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * An invoice to issue.
	 *
	 * @param quoteId the quote, whose accepted version it bills
	 * @param kind deposit, balance or full
	 * @param depositPercent a deposit's share of the quote's total, 0 to 100
	 * @param depositAmount or its amount
	 * @param positions the quote's lines a balance bills; all when empty
	 * @param dueOn when it is due; 30 days after issue when absent
	 */
	public record IssueRequest(UUID quoteId, InvoiceKind kind, @Nullable BigDecimal depositPercent,
			@Nullable Money depositAmount, Set<Integer> positions, @Nullable LocalDate dueOn) {

	}

	/**
	 * A payment reported.
	 *
	 * @param method how it was paid
	 * @param provider who reports it
	 * @param reference the provider's reference
	 * @param insurerId the insurer that paid, for an insurer's settlement
	 * @param amount what was paid
	 * @param receivedAt when; now when absent
	 */
	public record PaymentRequest(PaymentMethod method, String provider, String reference, @Nullable UUID insurerId,
			Money amount, @Nullable Instant receivedAt) {

	}

	/**
	 * A payment's outcome.
	 *
	 * @param invoice the invoice after it
	 * @param recorded false when the reference was recorded before: nothing changed
	 */
	public record Paid(Invoice invoice, boolean recorded) {

	}

	@RetryOnContention
	@Transactional
	public Invoice issue(IssueRequest request) {
		return issue(request, clock.instant());
	}

	/** Issues at {@code now}: the year of its number is now's, in billing's zone. */
	@Transactional
	Invoice issue(IssueRequest request, Instant now) {
		LocalDate today = properties.dayOf(now);
		LocalDate dueOn = request.dueOn() != null ? request.dueOn() : today.plusDays(30);
		if (dueOn.isBefore(today)) {
			throw InvalidRequestException.ofField("dueOn", "must not be before the day it is issued, " + today);
		}
		Quote quote = quotes.lockForInvoicing(request.quoteId());
		QuoteVersion accepted = quote.accepted();
		if (accepted == null) {
			throw new ConflictException("quote-not-accepted",
					"Quote " + quote.id() + " has no accepted version: only an accepted quote is invoiced.");
		}
		Invoices.Invoiced invoiced = invoices.invoicedOf(quote.id());
		if (invoiced.closed()) {
			throw new ConflictException("quote-invoiced",
					"Quote " + quote.id() + " was invoiced in full, or for its balance, already.");
		}
		InvoiceDraft draft = switch (request.kind()) {
			case FULL -> {
				if (invoiced.deposits() > 0) {
					throw new ConflictException("quote-has-deposits",
							"Deposits were invoiced on quote " + quote.id() + ": invoice its BALANCE.");
				}
				yield InvoiceDraft.full(quote, accepted);
			}
			case DEPOSIT -> InvoiceDraft.deposit(quote, accepted, deposit(request, accepted),
					new Money(invoiced.depositsKept(), accepted.terms().currency()));
			case BALANCE -> {
				List<UUID> performed = care.completedFor(quote.pathwayId(), quote.stepId(), quote.partnerId(),
						quote.patientId());
				if (performed.isEmpty()) {
					throw new RuleViolationException("care-not-performed",
							"No appointment for the " + (quote.stepId() == null ? "pathway" : "step") + " of quote "
									+ quote.id() + " was reported completed: its balance is invoiced after care.");
				}
				yield InvoiceDraft.balance(quote, accepted, request.positions(), invoices.ofQuote(quote.id()),
						performed);
			}
		};
		DocumentNumber number = numbers.next(draft.issuerId(), today.getYear());
		Invoice.Change issued = Invoice.issue(UUID.randomUUID(), number, draft, dueOn, now);
		invoices.add(issued);
		return issued.invoice();
	}

	@RetryOnContention
	@Transactional
	public Invoice credit(UUID id, Money amount, CreditReason reason, ExpectedVersion expected) {
		Instant now = clock.instant();
		Invoice invoice = locked(id);
		expected.requireCurrent("Invoice " + id, invoice.version());
		DocumentNumber number = numbers.next(invoice.issuerId(), properties.dayOf(now).getYear());
		return saved(invoice.credit(UUID.randomUUID(), number, reason, amount, now), now);
	}

	/**
	 * Records a payment once per provider and reference: the same report again answers
	 * the invoice as it is; the reference used for another payment is a conflict.
	 */
	@RetryOnContention
	@Transactional
	public Paid pay(UUID id, PaymentRequest request) {
		Instant now = clock.instant();
		Invoice invoice = locked(id);
		invoices.paidWith(request.provider(), request.reference())
			.filter(other -> !other.equals(id))
			.ifPresent(other -> {
				throw new Invoice.ReferenceUsed(request.provider(), request.reference());
			});
		Invoice.Change change = invoice.pay(UUID.randomUUID(), request.method(), request.provider(),
				request.reference(), request.insurerId(), request.amount(),
				request.receivedAt() != null ? request.receivedAt() : now, now);
		return new Paid(saved(change, now), change.added() != null);
	}

	@RetryOnContention
	@Transactional
	public Invoice refund(UUID id, Money amount, @Nullable UUID paymentId) {
		Instant now = clock.instant();
		return saved(locked(id).refund(UUID.randomUUID(), paymentId, amount, now), now);
	}

	/**
	 * The invoice as the caller may see it: a partner sees only the invoices it issued,
	 * and another's answers as one that does not exist.
	 */
	public Invoice get(UUID id, Caller caller) {
		return invoices.find(id)
			.filter(invoice -> caller.maySee(invoice.issuerId()))
			.orElseThrow(() -> new InvoiceNotFound(id));
	}

	public Page<Invoice> list(@Nullable UUID issuerId, @Nullable UUID patientId, @Nullable UUID pathwayId,
			@Nullable UUID quoteId, @Nullable InvoiceStatus status, PageQuery page) {
		return invoices.list(issuerId, patientId, pathwayId, quoteId, status, page);
	}

	private Money deposit(IssueRequest request, QuoteVersion accepted) {
		Money total = accepted.terms().total();
		if ((request.depositPercent() == null) == (request.depositAmount() == null)) {
			throw InvalidRequestException.ofField("depositPercent",
					"a deposit gives either depositPercent or depositAmount");
		}
		Money amount;
		if (request.depositAmount() != null) {
			amount = request.depositAmount();
			if (!amount.currency().equals(total.currency())) {
				throw InvalidRequestException.ofField("depositAmount.currency",
						"must be the quote's currency, " + total.currency().getCurrencyCode());
			}
		}
		else {
			BigDecimal percent = request.depositPercent();
			amount = new Money(total.amount()
				.multiply(percent)
				.divide(HUNDRED)
				.setScale(total.amount().scale(), RoundingMode.HALF_EVEN), total.currency());
		}
		if (amount.amount().signum() <= 0) {
			throw InvalidRequestException.ofField(request.depositAmount() != null ? "depositAmount" : "depositPercent",
					"must make a deposit of more than zero");
		}
		return amount;
	}

	private Invoice locked(UUID id) {
		return invoices.lock(id).orElseThrow(() -> new InvoiceNotFound(id));
	}

	private Invoice saved(Invoice.Change change, Instant now) {
		invoices.save(change, now);
		return change.invoice();
	}

	/** No invoice has the id. */
	public static final class InvoiceNotFound extends NotFoundException {

		public InvoiceNotFound(UUID id) {
			super("invoice-not-found", "No invoice has the id " + id + ".");
		}

	}

}
