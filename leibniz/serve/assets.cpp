#include "leibniz/serve/assets.h"

#include <string>
#include <unordered_map>

namespace leibniz::serve {

const Asset* find_asset(std::string_view path) {
  static const std::unordered_map<std::string_view, const Asset*> by_route = [] {
    std::unordered_map<std::string_view, const Asset*> routes;
    for (const Asset& asset : embedded_assets()) routes.emplace(asset.route, &asset);
    if (auto page = routes.find("/static/index.html"); page != routes.end()) {
      routes.emplace("/", page->second);
    }
    return routes;
  }();
  const auto found = by_route.find(path);
  return found == by_route.end() ? nullptr : found->second;
}

std::string_view content_type(std::string_view route) {
  static const std::unordered_map<std::string_view, std::string_view> by_extension{
      {"html", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"json", "application/json"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"ico", "image/x-icon"},
      {"txt", "text/plain; charset=utf-8"},
      {"md", "text/plain; charset=utf-8"},
      {"woff2", "font/woff2"},
      {"woff", "font/woff"},
      {"ttf", "font/ttf"},
  };
  const std::size_t dot = route.rfind('.');
  const std::size_t slash = route.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  const auto found = by_extension.find(route.substr(dot + 1));
  return found == by_extension.end() ? "application/octet-stream" : found->second;
}

}  // namespace leibniz::serve
