package care.parcours.platform.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One page of a collection as every Parcours API returns it. Its total is exact, or, for
 * a collection too large to count on every page ({@link #countedUpTo}), a lower bound
 * given in a field of its own, so that a client reading {@code totalElements} never takes
 * a bound for a size.
 *
 * @param content the items of this page
 * @param page where this page sits in the whole
 */
public record Page<T>(List<T> content, Metadata page) {

	/**
	 * @param number this page's number, from 0
	 * @param size the requested page size
	 * @param totalElements items in the whole collection, when counted to the end
	 * @param totalPages pages in the whole collection, when counted to the end
	 * @param totalExact whether the whole collection was counted
	 * @param totalElementsAtLeast when it was not: how many items it holds at least
	 */
	@Schema(name = "PageMetadata")
	public record Metadata(int number, int size, @Schema(
			description = "Items in the whole collection; absent when totalExact is false") @Nullable Long totalElements,
			@Schema(description = "Pages in the whole collection; absent when totalExact is false") @Nullable Long totalPages,
			@Schema(description = "Whether the whole collection was counted: false for a collection the service "
					+ "counts only up to a limit, which then gives totalElementsAtLeast instead of totalElements "
					+ "and totalPages") boolean totalExact,
			@Schema(description = "When totalExact is false: the collection holds at least this many items, "
					+ "more than this page reaches, so there is a next page") @Nullable Long totalElementsAtLeast) {

	}

	/** A page of a collection counted to the end. */
	public static <T> Page<T> of(List<T> content, PageQuery query, long totalElements) {
		long totalPages = (totalElements + query.size() - 1) / query.size();
		return new Page<>(List.copyOf(content),
				new Metadata(query.page(), query.size(), totalElements, totalPages, true, null));
	}

	/**
	 * A page of a collection too large to count on every page: counted exactly up to
	 * {@code cap} items, or to the end of this page if that is further, and beyond that
	 * answered as a lower bound. A page shorter than its size (non-empty, or the first)
	 * is the last and needs no count.
	 * @param cap how many items are counted at most, for a page before the cap
	 * @param countUpTo counts the collection's items, stopping at the number it is given
	 * ({@code select count(*) from (select 1 ... limit :n)}): the statement's cost is
	 * bounded however large the collection grows
	 */
	public static <T> Page<T> countedUpTo(List<T> content, PageQuery query, long cap, LongUnaryOperator countUpTo) {
		if (content.size() < query.size() && (!content.isEmpty() || query.page() == 0)) {
			return of(content, query, query.offset() + content.size());
		}
		long limit = Math.max(cap, query.offset() + query.size());
		long counted = countUpTo.applyAsLong(limit + 1);
		if (counted <= limit) {
			return of(content, query, counted);
		}
		return new Page<>(List.copyOf(content), new Metadata(query.page(), query.size(), null, null, false, counted));
	}

	public <R> Page<R> map(Function<? super T, R> mapper) {
		return new Page<>(content.stream().<R>map(mapper).toList(), page);
	}

}
