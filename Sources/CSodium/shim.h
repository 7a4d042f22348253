#ifndef TABELLA_CSODIUM_SHIM_H
#define TABELLA_CSODIUM_SHIM_H
#include <sodium.h>
#endif
