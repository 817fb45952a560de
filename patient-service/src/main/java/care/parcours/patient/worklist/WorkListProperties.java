package care.parcours.patient.worklist;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the work list answers.
 *
 * @param countUpTo how many pathways a page counts exactly at most (1,000 by default);
 * past it the page says "at least" instead of a total. Counting every active pathway on
 * every page was most of the list's SQL at 10,000 pathways (docs/benchmarks.md), and
 * nobody pages through a thousand.
 */
@ConfigurationProperties("parcours.patient.pathways.work-list")
record WorkListProperties(@Nullable Integer countUpTo) {

	WorkListProperties {
		if (countUpTo != null && countUpTo < 1) {
			throw new IllegalArgumentException("parcours.patient.pathways.work-list.count-up-to must be 1 or more");
		}
	}

	int cap() {
		return countUpTo == null ? 1_000 : countUpTo;
	}

}
