/* Stand-in for winscard.dll as a Windows 10 PC without a smart-card reader answers:
 * the Smart Card service does not run there, and every call returns
 * SCARD_E_NO_SERVICE. Wine 8's own winscard.dll answers SCARD_F_INTERNAL_ERROR,
 * which no real PC does. On x64 there is one calling convention and the caller
 * cleans the stack, so a function taking no arguments may stand for any of them.
 * <windows.h> is left out: it declares these functions with their arguments. */
typedef long LONG;
typedef unsigned long DWORD;
typedef void *HANDLE;

#define NO_SERVICE ((LONG)0x8010001D)
#define ANSWER(name) __declspec(dllexport) LONG name(void) { return NO_SERVICE; }

typedef struct { DWORD protocol; DWORD length; } io_request;
__declspec(dllexport) const io_request g_rgSCardT0Pci = {1, sizeof(io_request)};
__declspec(dllexport) const io_request g_rgSCardT1Pci = {2, sizeof(io_request)};
__declspec(dllexport) const io_request g_rgSCardRawPci = {0x10000, sizeof(io_request)};

ANSWER(SCardEstablishContext) ANSWER(SCardReleaseContext) ANSWER(SCardIsValidContext)
ANSWER(SCardListReadersA) ANSWER(SCardListReadersW) ANSWER(SCardListReaderGroupsA) ANSWER(SCardListReaderGroupsW)
ANSWER(SCardListCardsA) ANSWER(SCardListCardsW) ANSWER(SCardListInterfacesA) ANSWER(SCardListInterfacesW)
ANSWER(SCardGetStatusChangeA) ANSWER(SCardGetStatusChangeW) ANSWER(SCardCancel)
ANSWER(SCardConnectA) ANSWER(SCardConnectW) ANSWER(SCardReconnect) ANSWER(SCardDisconnect)
ANSWER(SCardBeginTransaction) ANSWER(SCardEndTransaction) ANSWER(SCardState)
ANSWER(SCardStatusA) ANSWER(SCardStatusW) ANSWER(SCardTransmit) ANSWER(SCardControl)
ANSWER(SCardGetAttrib) ANSWER(SCardSetAttrib) ANSWER(SCardFreeMemory)
ANSWER(SCardLocateCardsA) ANSWER(SCardLocateCardsW) ANSWER(SCardLocateCardsByATRA) ANSWER(SCardLocateCardsByATRW)
ANSWER(SCardIntroduceReaderA) ANSWER(SCardIntroduceReaderW) ANSWER(SCardForgetReaderA) ANSWER(SCardForgetReaderW)
ANSWER(SCardIntroduceReaderGroupA) ANSWER(SCardIntroduceReaderGroupW)
ANSWER(SCardForgetReaderGroupA) ANSWER(SCardForgetReaderGroupW)
ANSWER(SCardAddReaderToGroupA) ANSWER(SCardAddReaderToGroupW)
ANSWER(SCardRemoveReaderFromGroupA) ANSWER(SCardRemoveReaderFromGroupW)
ANSWER(SCardIntroduceCardTypeA) ANSWER(SCardIntroduceCardTypeW) ANSWER(SCardForgetCardTypeA) ANSWER(SCardForgetCardTypeW)
ANSWER(SCardGetProviderIdA) ANSWER(SCardGetProviderIdW)
ANSWER(SCardGetCardTypeProviderNameA) ANSWER(SCardGetCardTypeProviderNameW)
ANSWER(SCardSetCardTypeProviderNameA) ANSWER(SCardSetCardTypeProviderNameW)

/* The service's events: none, as when it is not running. */
__declspec(dllexport) HANDLE SCardAccessStartedEvent(void) { return 0; }
__declspec(dllexport) HANDLE SCardAccessNewReaderEvent(void) { return 0; }
__declspec(dllexport) void SCardReleaseStartedEvent(void) {}
__declspec(dllexport) void SCardReleaseNewReaderEvent(void) {}
__declspec(dllexport) void SCardReleaseAllEvents(void) {}
