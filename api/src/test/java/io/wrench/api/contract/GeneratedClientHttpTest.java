package io.wrench.api.contract;

import io.wrench.api.security.Role;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.client.ApiClient;
import io.wrench.client.ApiException;
import io.wrench.client.ApiResponse;
import io.wrench.client.api.CustomersApi;
import io.wrench.client.api.InventoryApi;
import io.wrench.client.api.WorkOrdersApi;
import io.wrench.client.model.AddLabourLine;
import io.wrench.client.model.AddPartLine;
import io.wrench.client.model.AssignTechnician;
import io.wrench.client.model.Created;
import io.wrench.client.model.OpenWorkOrder;
import io.wrench.client.model.ReceiveStock;
import io.wrench.client.model.RecordInspection;
import io.wrench.client.model.RecordPayment;
import io.wrench.client.model.RecordScan;
import io.wrench.client.model.RegisterAsset;
import io.wrench.client.model.RegisterCustomer;
import io.wrench.client.model.RegisterItem;
import io.wrench.client.model.Versioned;
import io.wrench.client.model.WorkOrderDetails;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A whole work-order day through a Java client that openapi-generator made at build time from the
 * committed OpenAPI document (src/test/openapi): if the document misdescribes the API, this client
 * does not compile, cannot send what the server needs or cannot read what it answers.
 */
class GeneratedClientHttpTest extends HttpTestSupport {

    private ApiClient client(Role role) {
        String token = api.token(role);
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static String consistency(ApiResponse<?> response) {
        List<String> values = response.getHeaders().get("x-consistency-token");
        return values == null ? response.getHeaders().get("X-Consistency-Token").get(0) : values.get(0);
    }

    @Test
    void a_work_order_day_through_the_generated_client() throws ApiException {
        CustomersApi advisorCustomers = new CustomersApi(client(Role.ADVISOR));
        InventoryApi storekeeper = new InventoryApi(client(Role.STOREKEEPER));
        WorkOrdersApi advisor = new WorkOrdersApi(client(Role.ADVISOR));
        WorkOrdersApi manager = new WorkOrdersApi(client(Role.MANAGER));
        WorkOrdersApi technician = new WorkOrdersApi(client(Role.TECHNICIAN));
        WorkOrdersApi auditor = new WorkOrdersApi(client(Role.AUDITOR));

        Created customer = advisorCustomers.customerRegister(new RegisterCustomer().name("Generated Garage")
                .email(unique("generated") + "@example.com"), null, null);
        Created asset = advisorCustomers.customerRegisterAsset(customer.getId(), new RegisterAsset()
                .kind(RegisterAsset.KindEnum.VEHICLE).make("VW").model("Golf").vin("WVWZZZ1KZAW" + digits()), null, null);
        Created item = storekeeper.inventoryRegister(new RegisterItem().sku(unique("GEN")).name("Brake pad")
                .unit("pcs").reorderLevel(BigDecimal.ONE).unitCost(new BigDecimal("20.00")), null, null);
        storekeeper.inventoryReceive(item.getId(), new ReceiveStock().quantity(BigDecimal.TEN)
                .unitCost(new BigDecimal("20.00")), null, null);

        Created workOrder = advisor.workOrderOpen(new OpenWorkOrder().customerId(customer.getId())
                .assetId(asset.getId()).description("brakes squeal"), null, null);
        assertThat(workOrder.getNumber()).matches("WO-\\d{4}-\\d{6,}");
        UUID id = workOrder.getId();
        advisor.workOrderAddLabour(id, new AddLabourLine().description("replace pads").hours(new BigDecimal("1.5"))
                .hourlyRate(new BigDecimal("80")), null, null);
        ApiResponse<Created> part = advisor.workOrderAddPartWithHttpInfo(id, new AddPartLine().itemId(item.getId())
                .quantity(new BigDecimal("2")), null, null);
        assertThat(part.getStatusCode()).isEqualTo(201);
        WorkOrderDetails priced = advisor.workOrderGet(id, null, consistency(part));
        assertThat(priced.getPartLines()).singleElement().satisfies(line ->
                assertThat(line.getStatus()).hasToString("RESERVED"));

        Versioned approved = advisor.workOrderApprove(id, null, null);
        manager.workOrderAssign(id, new AssignTechnician().technician("technician-client"),
                "\"" + approved.getVersion() + "\"", null);
        technician.workOrderStart(id, null, null);
        technician.workOrderScan(id, new RecordScan().stage("disassembly"), null, null);
        technician.workOrderInspect(id, new RecordInspection().result(RecordInspection.ResultEnum.PASS), null, null);
        technician.workOrderComplete(id, null, null);
        ApiResponse<Versioned> invoiced = manager.workOrderInvoiceWithHttpInfo(id, null, null);

        ApiResponse<WorkOrderDetails> read = advisor.workOrderGetWithHttpInfo(id, null, consistency(invoiced));
        WorkOrderDetails invoice = read.getData();
        assertThat(invoice.getStatus()).as("read with token %s, X-Consistency %s", consistency(invoiced),
                read.getHeaders().get("x-consistency")).hasToString("INVOICED");
        BigDecimal total = invoice.getTotals().getTotal();
        assertThat(total).isEqualByComparingTo("206.40");
        ApiResponse<Created> paid = advisor.workOrderPayWithHttpInfo(id, new RecordPayment().amount(total)
                .method(RecordPayment.MethodEnum.CASH), null, UUID.randomUUID().toString());

        WorkOrderDetails done = auditor.workOrderGet(id, null, consistency(paid));
        assertThat(done.getStatus()).hasToString("PAID");
        assertThat(done.getTotals().getBalance()).isEqualByComparingTo("0.00");

        assertThatThrownBy(() -> advisor.workOrderPay(id, new RecordPayment().amount(BigDecimal.ONE)
                .method(RecordPayment.MethodEnum.CARD), null, null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(409);
                    assertThat(refused.getResponseBody()).contains("\"requestId\"");
                });
    }

    private static String digits() {
        return String.format("%06d", (int) (Math.random() * 1_000_000));
    }
}
