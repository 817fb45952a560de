package care.parcours.platform.web;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a collection as every Parcours API returns it.
 *
 * @param content the items of this page
 * @param page where this page sits in the whole
 */
public record Page<T>(List<T> content, Metadata page) {

	/**
	 * @param number this page's number, from 0
	 * @param size the requested page size
	 * @param totalElements items in the whole collection
	 * @param totalPages pages in the whole collection
	 */
	@Schema(name = "PageMetadata")
	public record Metadata(int number, int size, long totalElements, long totalPages) {

	}

	public static <T> Page<T> of(List<T> content, PageQuery query, long totalElements) {
		long totalPages = (totalElements + query.size() - 1) / query.size();
		return new Page<>(List.copyOf(content), new Metadata(query.page(), query.size(), totalElements, totalPages));
	}

	public <R> Page<R> map(Function<? super T, R> mapper) {
		return new Page<>(content.stream().<R>map(mapper).toList(), page);
	}

}
