package care.parcours.billing.invoices;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers invoices and credit notes from one counter row per issuer and year. The row
 * stays locked from the increment to the commit of the transaction that inserts the
 * document, so concurrent issuers of the same partner queue there (and only there); a
 * rollback, or a crash before the commit, gives the number back with the rest of the
 * transaction. No gap, no duplicate: the price is that one issuer's documents are
 * numbered one transaction at a time.
 */
@Repository
class DocumentNumbers {

	private final JdbcClient jdbc;

	DocumentNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The issuer's next number of the year, held until the caller's transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	DocumentNumber next(UUID issuerId, int year) {
		// The first number of a year makes its row; a concurrent first one waits on the
		// insert's key lock and then increments the row the other made.
		int last = jdbc.sql("""
				insert into invoice_counter (issuer_id, year, last) values (?, ?, 1)
				on conflict (issuer_id, year) do update set last = invoice_counter.last + 1
				returning last
				""").params(issuerId, year).query(Integer.class).single();
		return new DocumentNumber(year, last);
	}

}
