package io.wrench.api.inventory;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryImportHttpTest extends HttpTestSupport {

    private static final String IMPORTS = "/api/inventory/imports";
    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void a_csv_file_registers_new_items_with_their_opening_stock() {
        String tag = unique("csv");
        String csv = """
                Name,SKU,unit,reorder_level,Unit Cost,quantityOnHand,location,reorderQuantity,notes
                "Spark plug, iridium",%1$s-PLUG,pcs,4,6.25,12,C-03,8,ignored
                Coolant,%1$s-COOL,L,10,3.5,,,,
                """.formatted(tag);

        Api.Response imported = upload(Role.STOREKEEPER, "stock list.csv", CSV, csv);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json()).isEqualTo(Api.JSON.readTree("""
                {"imported": 2, "skipped": 0, "skippedSkus": [], "rejected": []}"""));
        JsonNode items = readAfter(imported, Role.ANALYST, "/api/inventory/items?search=" + tag).json().get("items");
        assertThat(items).hasSize(2);
        JsonNode coolant = items.get(0);
        assertThat(coolant.get("sku").asString()).isEqualTo(tag + "-COOL");
        assertThat(coolant.get("onHand").asInt()).isZero();
        assertThat(coolant.get("location").isNull()).isTrue();
        JsonNode plug = items.get(1);
        assertThat(plug.get("name").asString()).isEqualTo("Spark plug, iridium");
        assertThat(plug.get("onHand").asInt()).isEqualTo(12);
        assertThat(plug.get("unitCost").decimalValue()).isEqualByComparingTo("6.25");
        assertThat(plug.get("lowStock").asBoolean()).isFalse();
        JsonNode detail = api.as(Role.ANALYST).get("/api/inventory/items/" + plug.get("id").asString()).json();
        assertThat(detail.get("reorderQuantity").asInt()).isEqualTo(8);

        JsonNode receipt = api.as(Role.ANALYST).get("/api/inventory/items/" + plug.get("id").asString() + "/movements")
                .json().get("items").get(0);
        assertThat(receipt.get("type").asString()).isEqualTo("RECEIPT");
        assertThat(receipt.get("quantity").asInt()).isEqualTo(12);
        assertThat(receipt.get("by").asString()).isEqualTo("storekeeper-client");
    }

    @Test
    void a_semicolon_separated_file_is_read_too() {
        String tag = unique("semi");
        Api.Response imported = upload(Role.MANAGER, "export.csv", CSV, """
                sku;name;unit;reorderLevel;unitCost
                %s-1;"Washer; copper";pcs;100;0.05
                """.formatted(tag));

        assertThat(imported.json().get("imported").asInt()).as(imported.toString()).isEqualTo(1);
        assertThat(readAfter(imported, Role.ANALYST, "/api/inventory/items?search=" + tag).json()
                .get("items").get(0).get("name").asString()).isEqualTo("Washer; copper");
    }

    @Test
    void an_xlsx_workbook_is_read_from_its_first_sheet() throws IOException {
        String tag = unique("xlsx");
        byte[] workbook = workbook(new Object[][]{
                {"Reorder Level", "SKU", "Name", "Unit", "Unit Cost", "Quantity On Hand"},
                {2, tag + "-BELT", "Timing belt", "pcs", 41.9, 3},
                {},
                {0.5, tag + "-GREASE", "Grease", "kg", 12, null},
        });

        Api.Response imported = upload(Role.STOREKEEPER, "parts.xlsx", XLSX, workbook);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        JsonNode items = readAfter(imported, Role.ANALYST, "/api/inventory/items?search=" + tag).json().get("items");
        JsonNode belt = items.get(0);
        assertThat(belt.get("sku").asString()).isEqualTo(tag + "-BELT");
        assertThat(belt.get("onHand").asInt()).isEqualTo(3);
        assertThat(belt.get("reorderLevel").asInt()).isEqualTo(2);
        assertThat(belt.get("unitCost").decimalValue()).isEqualByComparingTo("41.90");
        assertThat(items.get(1).get("reorderLevel").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void each_row_stands_alone_and_the_report_says_what_became_of_it() {
        String tag = unique("mix");
        String existing = tag + "-OLD";
        newStockItem(existing, "Already there");
        String csv = """
                sku,name,unit,reorderLevel,unitCost,quantityOnHand
                %1$s-A,Good one,pcs,1,2.50,3
                ,No SKU,pcs,-1,abc,
                %2$s,Again,pcs,1,1,
                ,,,,,
                %1$s-a,Twice in the file,pcs,1,1,
                %1$s-B,Good two,pcs,0,0,0
                """.formatted(tag, existing.toLowerCase());

        Api.Response imported = upload(Role.STOREKEEPER, "mixed.csv", CSV, csv);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json()).isEqualTo(Api.JSON.readTree("""
                {"imported": 2, "skipped": 2, "skippedSkus": ["%s", "%s-a"],
                 "rejected": [{"row": 3, "errors": [
                     {"field": "sku", "message": "must not be blank"},
                     {"field": "reorderLevel", "message": "must be greater than or equal to 0"},
                     {"field": "unitCost", "message": "'abc' is not a number"}]}]}
                """.formatted(existing.toLowerCase(), tag)));
        JsonNode items = readAfter(imported, Role.ANALYST, "/api/inventory/items?search=" + tag).json();
        assertThat(items.get("totalItems").asInt()).isEqualTo(3);
        assertThat(items.get("items").get(0).get("name").asString()).isEqualTo("Good one");
        assertThat(items.get("items").get(1).get("name").asString()).isEqualTo("Good two");
        assertThat(items.get("items").get(2).get("name").asString()).isEqualTo("Already there");
    }

    @Test
    void a_file_that_is_not_a_spreadsheet_is_a_415_whatever_its_name() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Api.Response picture = upload(Role.STOREKEEPER, "stock.csv", CSV, png);
        assertThat(picture.status()).isEqualTo(415);
        assertThat(picture.json().get("type").asString()).endsWith("/unsupported-media-type");

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(upload(Role.STOREKEEPER, "stock.xlsx", XLSX, zip.toByteArray()).status()).isEqualTo(415);

        assertThat(api.as(Role.STOREKEEPER).post(IMPORTS, Map.of("file", "sku,name")).status()).isEqualTo(415);
    }

    @Test
    void too_many_rows_or_too_many_bytes_are_413s() {
        StringBuilder rows = new StringBuilder("sku,name,unit,reorderLevel,unitCost\n");
        for (int i = 0; i <= 5000; i++) {
            rows.append("ROWS-").append(i).append(",Row,pcs,0,1\n");
        }
        Api.Response tooLong = upload(Role.STOREKEEPER, "long.csv", CSV, rows.toString());
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(tooLong.json().get("detail").asString()).contains("5000");

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'x');
        Api.Response tooBig = upload(Role.STOREKEEPER, "big.csv", CSV, big);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("type").asString()).endsWith("/content-too-large");
        assertThat(tooBig.json().get("detail").asString()).contains("10485760 bytes");
    }

    @Test
    void an_unreadable_file_is_a_400() throws IOException {
        Api.Response noUnit = upload(Role.STOREKEEPER, "short.csv", CSV, "sku,name,reorderLevel\nX,Y,1\n");
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.json().get("detail").asString()).contains("unit, unitCost");

        assertThat(upload(Role.STOREKEEPER, "empty.csv", CSV, "").status()).isEqualTo(400);
        assertThat(upload(Role.STOREKEEPER, "open.csv", CSV, "sku,name,unit,reorderLevel,unitCost\n\"X,Y\n")
                .status()).isEqualTo(400);
        assertThat(upload(Role.STOREKEEPER, "twice.csv", CSV, "sku,SKU,name,unit,reorderLevel,unitCost\n")
                .status()).isEqualTo(400);

        byte[] workbook = workbook(new Object[][]{{"sku", "name", "unit", "reorderLevel", "unitCost"}});
        byte[] damaged = Arrays.copyOf(workbook, workbook.length / 2);
        Api.Response broken = upload(Role.STOREKEEPER, "broken.xlsx", XLSX, damaged);
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
    }

    @Test
    void only_storekeepers_and_managers_import() {
        String csv = "sku,name,unit,reorderLevel,unitCost\n" + unique("ROLE") + ",X,pcs,0,1\n";
        for (Role role : new Role[]{Role.TECHNICIAN, Role.ADVISOR, Role.AUDITOR, Role.ANALYST}) {
            assertThat(upload(role, "roles.csv", CSV, csv).status()).as(role.name()).isEqualTo(403);
        }
        assertThat(upload(Role.ADMIN, "roles.csv", CSV, csv).json().get("imported").asInt()).isEqualTo(1);
    }

    private Api.Response upload(Role role, String filename, String contentType, String content) {
        return upload(role, filename, contentType, content.getBytes(StandardCharsets.UTF_8));
    }

    private Api.Response upload(Role role, String filename, String contentType, byte[] content) {
        return api.as(role).upload(IMPORTS, filename, contentType, content);
    }

    /** A workbook whose first sheet holds these rows: numbers as numeric cells, null as no cell. */
    private static byte[] workbook(Object[][] rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Stock");
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("not read");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
