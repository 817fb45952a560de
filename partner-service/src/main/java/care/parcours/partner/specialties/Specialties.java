package care.parcours.partner.specialties;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import care.parcours.platform.domain.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The vocabulary, read once: it changes by migration only.
 */
@Component
public class Specialties {

	private static final String UNKNOWN = "unknown specialty code; GET /api/partners/specialties lists them";

	private final Supplier<List<Specialty>> all;

	Specialties(JdbcClient jdbc) {
		this.all = SingletonSupplier
			.of(() -> jdbc.sql("select code, name_en, name_fr, name_nl from specialty order by code")
				.query(Specialty.class)
				.list());
	}

	public List<Specialty> all() {
		return all.get();
	}

	/**
	 * Refuses a code outside the vocabulary, naming the field it came from.
	 */
	public void requireKnown(String field, String code) {
		if (all().stream().noneMatch(specialty -> specialty.code().equals(code))) {
			throw InvalidRequestException.ofField(field, UNKNOWN);
		}
	}

	/**
	 * Refuses codes outside the vocabulary, naming the field and the first unknown code.
	 * @param field the request field the codes came from
	 */
	public void requireKnown(String field, Collection<String> codes) {
		Set<String> known = all().stream().map(Specialty::code).collect(Collectors.toSet());
		int index = 0;
		for (String code : codes) {
			if (!known.contains(code)) {
				throw InvalidRequestException.ofField(field + "[" + index + "]", UNKNOWN);
			}
			index++;
		}
	}

}
