// The header compiles as C++17 and its functions link from C++.
#include "kyoten.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>

int main()
{
    char *json = nullptr;
    std::size_t len = 0;
    bool valid = false;
    KyotenStatus st = kyoten_run("tasks.list", reinterpret_cast<const std::uint8_t *>("{}"), 2,
                                 &json, &len, &valid);
    const bool ok = st == KYOTEN_STATUS_OK && valid && json != nullptr && len == std::strlen(json) &&
                    kyoten_abi_version() == KYOTEN_ABI_VERSION;
    kyoten_free(&json);
    std::printf("C++17 header check: %s\n", ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
