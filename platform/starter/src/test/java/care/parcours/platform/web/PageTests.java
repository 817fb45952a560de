package care.parcours.platform.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageTests {

	@Test
	void aCountedPageIsExact() {
		Page.Metadata page = Page.of(items(20), new PageQuery(0, 20), 37).page();

		assertThat(page.totalElements()).isEqualTo(37);
		assertThat(page.totalPages()).isEqualTo(2);
		assertThat(page.totalExact()).isTrue();
		assertThat(page.totalElementsAtLeast()).isNull();
	}

	@Test
	void aCollectionBeyondTheCapIsALowerBoundWithNoTotalAtAll() {
		List<Long> limits = new ArrayList<>();

		Page.Metadata page = Page.countedUpTo(items(20), new PageQuery(0, 20), 100, limit -> {
			limits.add(limit);
			return limit;
		}).page();

		assertThat(limits).containsExactly(101L);
		assertThat(page.totalExact()).isFalse();
		assertThat(page.totalElementsAtLeast()).isEqualTo(101);
		assertThat(page.totalElements()).isNull();
		assertThat(page.totalPages()).isNull();
	}

	@Test
	void aCollectionWithinTheCapIsCountedExactly() {
		Page.Metadata page = Page.countedUpTo(items(20), new PageQuery(0, 20), 100, limit -> 57).page();

		assertThat(page.totalExact()).isTrue();
		assertThat(page.totalElements()).isEqualTo(57);
		assertThat(page.totalPages()).isEqualTo(3);
		assertThat(page.totalElementsAtLeast()).isNull();
	}

	@Test
	void aPageBeyondTheCapCountsToItsOwnEndSoThatItKnowsWhetherAnotherFollows() {
		List<Long> limits = new ArrayList<>();

		Page.Metadata page = Page.countedUpTo(items(20), new PageQuery(10, 20), 100, limit -> {
			limits.add(limit);
			return limit;
		}).page();

		assertThat(limits).containsExactly(221L);
		assertThat(page.totalElementsAtLeast()).isEqualTo(221);
	}

	@Test
	void theLastPageNeedsNoCount() {
		Page.Metadata shortPage = Page.countedUpTo(items(7), new PageQuery(3, 20), 100, limit -> {
			throw new AssertionError("counted");
		}).page();
		Page.Metadata empty = Page.countedUpTo(items(0), new PageQuery(0, 20), 100, limit -> {
			throw new AssertionError("counted");
		}).page();

		assertThat(shortPage.totalElements()).isEqualTo(67);
		assertThat(shortPage.totalPages()).isEqualTo(4);
		assertThat(empty.totalElements()).isZero();
		assertThat(empty.totalExact()).isTrue();
	}

	@Test
	void anEmptyPagePastTheEndIsCountedToSayWhereTheEndIs() {
		Page.Metadata page = Page.countedUpTo(items(0), new PageQuery(9, 20), 100, limit -> 45).page();

		assertThat(page.totalElements()).isEqualTo(45);
		assertThat(page.totalExact()).isTrue();
	}

	private static List<Integer> items(int count) {
		return Collections.nCopies(count, 1);
	}

}
