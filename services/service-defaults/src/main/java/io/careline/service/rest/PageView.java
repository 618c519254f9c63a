package io.careline.service.rest;

import java.util.List;

/** One page of a list; every list a Careline service returns is paginated and bounded. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
