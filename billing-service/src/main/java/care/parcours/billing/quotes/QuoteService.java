package care.parcours.billing.quotes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import care.parcours.billing.BillingProperties;
import care.parcours.billing.catalogue.BillableItem;
import care.parcours.billing.catalogue.CatalogueService;
import care.parcours.billing.catalogue.Tariff;
import care.parcours.billing.catalogue.VatRate;
import care.parcours.billing.coverage.AuthorisationService;
import care.parcours.billing.coverage.CoverageCalculator;
import care.parcours.billing.coverage.CoverageService;
import care.parcours.billing.coverage.CoverageSplit;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.money.Money;
import care.parcours.platform.security.Caller;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts, revises, sends, accepts, rejects and expires quotes, each change with its
 * events in one transaction. Lines are priced from the partner's tariffs of the day (or
 * the price given) and split between the patient's insurers and the patient.
 */
@Service
public class QuoteService {

	private final Quotes quotes;

	private final CatalogueService catalogue;

	private final CoverageService coverage;

	private final AuthorisationService authorisations;

	private final BillingProperties properties;

	private final Clock clock;

	QuoteService(Quotes quotes, CatalogueService catalogue, CoverageService coverage,
			AuthorisationService authorisations, BillingProperties properties, Clock clock) {
		this.quotes = quotes;
		this.catalogue = catalogue;
		this.coverage = coverage;
		this.authorisations = authorisations;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A line as asked for: the tariff gives the price and VAT rate unless the line does.
	 *
	 * @param itemId the catalogue's item
	 * @param quantity how many units
	 * @param unitPrice the price of one unit, VAT excluded; the partner's tariff of the
	 * day when absent
	 * @param discountPercent a discount on the line, 0 to 100
	 * @param vatRate VAT in percent; the tariff's when absent (0 for exempt items)
	 */
	public record LineRequest(UUID itemId, BigDecimal quantity, @Nullable Money unitPrice,
			@Nullable BigDecimal discountPercent, @Nullable BigDecimal vatRate) {

	}

	/**
	 * Terms as asked for.
	 *
	 * @param currency ISO 4217
	 * @param language fr, en or nl
	 * @param patientCurrency the patient's own currency, for an indicative amount
	 * @param validUntil last day the patient may accept it
	 * @param lines the lines
	 */
	public record TermsRequest(Currency currency, String language, @Nullable Currency patientCurrency,
			LocalDate validUntil, List<LineRequest> lines) {

	}

	@Transactional
	Quote draft(UUID patientId, UUID partnerId, UUID pathwayId, @Nullable UUID stepId, TermsRequest request) {
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		Terms terms = terms(id, patientId, partnerId, request, now);
		Quote.Change drafted = Quote.draft(id, patientId, partnerId, pathwayId, stepId, terms,
				properties.endOf(request.validUntil()), now);
		quotes.add(drafted, now);
		return drafted.quote();
	}

	@Transactional
	Quote revise(UUID id, TermsRequest request, ExpectedVersion expected) {
		Instant now = clock.instant();
		Quote quote = locked(id, expected);
		Terms terms = terms(id, quote.patientId(), quote.partnerId(), request, now);
		return save(quote.revise(terms, properties.endOf(request.validUntil()), now), now);
	}

	@Transactional
	Quote send(UUID id, ExpectedVersion expected) {
		Instant now = clock.instant();
		Quote quote = locked(id, expected);
		Terms draft = quote.latest().terms();
		CoverageSplit split = split(quote.id(), quote.patientId(), draft.currency(), draft.lines(), now);
		return save(quote.send(split, now), now);
	}

	/**
	 * Accepts a version; a version accepted already is answered as it is, whatever
	 * version of the quote the caller read (a retried acceptance).
	 */
	@Transactional
	Quote accept(UUID id, int number, ExpectedVersion expected) {
		Instant now = clock.instant();
		Quote quote = quotes.lock(id).orElseThrow(() -> new QuoteNotFound(id));
		if (quote.version(number).status() != QuoteStatus.ACCEPTED) {
			expected.requireCurrent("Quote " + id, quote.version());
		}
		return save(quote.accept(number, now, authorisations::requireApprovals), now);
	}

	@Transactional
	Quote reject(UUID id, int number, ExpectedVersion expected) {
		Instant now = clock.instant();
		Quote quote = quotes.lock(id).orElseThrow(() -> new QuoteNotFound(id));
		if (quote.version(number).status() != QuoteStatus.REJECTED) {
			expected.requireCurrent("Quote " + id, quote.version());
		}
		return save(quote.reject(number, now), now);
	}

	/** Lets sent versions past their validity date lapse, a batch at a time. */
	@Transactional
	public int expireDue(int limit) {
		Instant now = clock.instant();
		List<UUID> due = quotes.due(now, limit);
		for (UUID id : due) {
			Quote quote = quotes.lock(id).orElseThrow();
			save(quote.expire(now), now);
		}
		return due.size();
	}

	/**
	 * The quote, locked until the caller's transaction ends: what is invoiced of it is
	 * decided one invoice at a time.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Quote lockForInvoicing(UUID id) {
		return quotes.lock(id).orElseThrow(() -> new QuoteNotFound(id));
	}

	/**
	 * The quote as the caller may see it: a partner sees only its own quotes, and
	 * another's answers as one that does not exist.
	 */
	public Quote get(UUID id, Caller caller) {
		return quotes.find(id)
			.filter(quote -> caller.maySee(quote.partnerId()))
			.orElseThrow(() -> new QuoteNotFound(id));
	}

	Page<Quote> list(@Nullable UUID partnerId, @Nullable UUID patientId, @Nullable UUID pathwayId,
			@Nullable QuoteStatus status, PageQuery page) {
		return quotes.list(partnerId, patientId, pathwayId, status, page);
	}

	private Quote save(Quote.Change change, Instant now) {
		if (!change.changedNothing()) {
			quotes.save(change, now);
		}
		return change.quote();
	}

	private Quote locked(UUID id, ExpectedVersion expected) {
		Quote quote = quotes.lock(id).orElseThrow(() -> new QuoteNotFound(id));
		expected.requireCurrent("Quote " + id, quote.version());
		return quote;
	}

	private Terms terms(UUID quoteId, UUID patientId, UUID partnerId, TermsRequest request, Instant now) {
		LocalDate today = properties.dayOf(now);
		List<QuoteLine> lines = new ArrayList<>();
		for (LineRequest asked : request.lines()) {
			lines.add(line(lines.size() + 1, asked, partnerId, request, today));
		}
		CoverageSplit split = split(quoteId, patientId, request.currency(), lines, now);
		return new Terms(request.currency(), request.language(), request.patientCurrency(), request.validUntil(), lines,
				split);
	}

	private QuoteLine line(int position, LineRequest asked, UUID partnerId, TermsRequest request, LocalDate today) {
		String field = "lines[" + (position - 1) + "].";
		BillableItem item = catalogue.item(asked.itemId());
		Tariff tariff = (asked.unitPrice() != null && (asked.vatRate() != null || item.kind().vatExempt())) ? null
				: catalogue.tariffOn(item, partnerId, today);
		Money price = asked.unitPrice() != null ? asked.unitPrice() : tariff.unitPrice();
		if (!price.currency().equals(request.currency())) {
			throw new RuleViolationException("line-currency",
					"Line " + position + " is priced in " + price.currency() + " (" + item.reference()
							+ (asked.unitPrice() == null ? ", the partner's tariff" : "") + "), the quote in "
							+ request.currency() + ": give the line's unitPrice in " + request.currency() + ".");
		}
		VatRate vat;
		try {
			vat = asked.vatRate() != null ? new VatRate(asked.vatRate())
					: tariff != null ? tariff.vatRate() : VatRate.EXEMPT;
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequestException.ofField(field + "vatRate", ex.getMessage());
		}
		BigDecimal discount = asked.discountPercent() == null ? BigDecimal.ZERO : asked.discountPercent();
		return QuoteLine.price(position, item, request.language(), asked.quantity(), price, discount, vat);
	}

	private CoverageSplit split(UUID quoteId, UUID patientId, Currency currency, List<QuoteLine> lines, Instant now) {
		return coverage.split(patientId, quoteId, currency, properties.dayOf(now),
				lines.stream()
					.map(line -> new CoverageCalculator.Billed(line.position(), line.kind(), line.total()))
					.toList());
	}

	/** No quote has the id. */
	public static final class QuoteNotFound extends NotFoundException {

		public QuoteNotFound(UUID id) {
			super("quote-not-found", "No quote has the id " + id + ".");
		}

	}

}
