package dev.galvani.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Response.varyOn adds names to Vary the way Django's patch_vary_headers does. */
class ResponseVaryTest {
  @Test
  void varyOn_keepsEveryEarlierValue_addsOnlyNewNames_andLeavesAStarAlone() {
    Response response = Response.text("x");
    response.headers().add("Vary", "Accept-Language");
    response.headers().add("Vary", "Origin");
    response.varyOn("Cookie", "origin");
    assertEquals("Accept-Language, Origin, Cookie", response.headers().first("Vary").orElseThrow());
    assertEquals(1, response.headers().all("Vary").size());
    Response star = Response.text("x").header("Vary", "*");
    star.varyOn("Cookie");
    assertEquals("*", star.headers().first("Vary").orElseThrow());
    assertEquals(
        "Cookie", Response.text("x").varyOn("Cookie").headers().first("Vary").orElseThrow());
  }
}
