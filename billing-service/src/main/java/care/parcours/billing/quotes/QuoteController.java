package care.parcours.billing.quotes;

import java.util.List;
import java.util.UUID;

import care.parcours.platform.security.Caller;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Quotes",
		description = "Quotes for care: what a pathway costs, read by billing staff and by the partner concerned.")
@RestController
class QuoteController {

	private final Quotes quotes;

	QuoteController(Quotes quotes) {
		this.quotes = quotes;
	}

	/** Staff see every quote (or one partner's); a partner system only its own. */
	@Operation(summary = "List quotes",
			description = "Quotes, newest first, optionally of one partner; a partner token sees only the quotes that concern its organisation.")
	@GetMapping("/api/quotes")
	Page<QuoteSummary> list(@RequestParam(required = false) @Nullable UUID partnerId, PageQuery page) {
		Caller caller = Caller.current();
		if (caller.isPartner() && partnerId != null && !caller.maySee(partnerId)) {
			return Page.of(List.of(), page, 0);
		}
		return quotes.list(caller.partnerId().orElse(partnerId), page);
	}

}
