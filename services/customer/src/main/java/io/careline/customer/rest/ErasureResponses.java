package io.careline.customer.rest;

import org.jboss.resteasy.reactive.RestResponse;

import io.careline.customer.service.ErasureService.Requested;

final class ErasureResponses {

    private ErasureResponses() {
    }

    /** 202 when this request started the erasure (the other services have yet to confirm), 200 when it was earlier. */
    static RestResponse<ErasureView> of(Requested requested) {
        return RestResponse.ResponseBuilder.<ErasureView> create(requested.now() ? RestResponse.Status.ACCEPTED
                : RestResponse.Status.OK).entity(ErasureView.of(requested.customer())).build();
    }
}
