package care.parcours.billing.coverage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.billing.catalogue.ItemKind;
import care.parcours.platform.money.Money;
import org.jspecify.annotations.Nullable;

/** Policies as patients hold them, for tests without Spring. */
public final class CoverageFixtures {

	private static final LocalDate FROM = LocalDate.parse("2026-01-01");

	private CoverageFixtures() {
	}

	public static CoverageRule rule(ItemKind kind, String percent, @Nullable String ceiling, boolean authorisation) {
		return new CoverageRule(kind, new BigDecimal(percent), ceiling == null ? null : Money.of(ceiling, "EUR"),
				authorisation);
	}

	public static Policy policy(InsurerKind kind, String deductible, CoverageRule... rules) {
		return policy(kind, Money.of(deductible, "EUR"), List.of(rules), Instant.parse("2026-01-01T00:00:00Z"));
	}

	public static Policy policy(InsurerKind kind, Money deductible, List<CoverageRule> rules, Instant createdAt) {
		return new Policy(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), kind, deductible, FROM, null, rules,
				0, createdAt);
	}

}
