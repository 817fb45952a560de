package care.parcours.billing.quotes;

import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class QuoteController {

	private final Quotes quotes;

	QuoteController(Quotes quotes) {
		this.quotes = quotes;
	}

	@GetMapping("/api/quotes")
	Page<QuoteSummary> list(PageQuery page) {
		return quotes.list(page);
	}

}
