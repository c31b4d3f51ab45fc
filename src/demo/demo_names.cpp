#include "demo/demo_names.h"

#include <array>

namespace rd::demo {
namespace {

using SV = std::string_view;

// --- Surnames by area. Many Ugandan surnames are gendered (Acholi O-/A-, Luganda Na-).

constexpr SV kGandaMale[] = {"Kato",    "Mukasa",    "Ssemakula", "Kizza",     "Lubega",
                             "Mugerwa", "Kaweesi",   "Ssekandi",  "Wasswa",    "Ssebunya",
                             "Musoke",  "Kiggundu",  "Ssentongo", "Kasozi",    "Lwanga",
                             "Kigozi",  "Mulindwa",  "Nsubuga",   "Ssali",     "Kalule",
                             "Mutebi",  "Sserwadda", "Kibirige",  "Ssenyonga", "Mayanja"};
constexpr SV kGandaFemale[] = {"Nakato",   "Nambi",     "Nalubega",  "Namukasa",  "Nakawesi",
                               "Nanteza",  "Babirye",   "Nassali",   "Nabukenya", "Namubiru",
                               "Nakimuli", "Namusoke",  "Nansubuga", "Nakiwala",  "Nalwanga",
                               "Namatovu", "Nabakooza", "Nakalema",  "Nalwoga",   "Nanyonjo",
                               "Namugga",  "Nakayiza",  "Nabirye",   "Nantongo",  "Nakibuuka"};
constexpr SV kGandaGroups[] = {"Tusitukirewamu", "Twekembe",        "Kwagalana", "Tukolerewamu",
                               "Tweyambe",       "Obumu",           "Kisakye",   "Mukwano",
                               "Twezimbe",       "Tugende Mumaaso", "Kwegatta",  "Tubeere Bumu"};

constexpr SV kAcholiMale[] = {"Okello", "Opiyo",  "Ocen",   "Akena", "Odong", "Ojok",  "Komakech",
                              "Oryema", "Otim",   "Olanya", "Okot",  "Ouma",  "Odoch", "Onen",
                              "Kidega", "Okwera", "Ochola", "Oloya", "Obol",  "Ongom"};
constexpr SV kAcholiFemale[] = {"Akello", "Atim",  "Acen",  "Lamunu", "Adong", "Aber",
                                "Ayaa",   "Auma",  "Laker", "Akullu", "Aciro", "Amony",
                                "Lakot",  "Anena", "Atoo",  "Achan",  "Apiyo", "Aloyo"};
constexpr SV kAcholiGroups[] = {"Ribbe Aye Teko", "Kica Ber",     "Lacan Pe Nino", "Rwot Ber",
                                "Wat Aye Teko",   "Can Deg Lwak", "Wan Aye Wan",   "Mon Tic"};

constexpr SV kLangoMale[] = {"Opio",  "Ogwang", "Okello", "Odongo", "Ocen", "Okot",
                             "Otim",  "Obua",   "Ogwal",  "Okullo", "Olum", "Engola",
                             "Omara", "Odyek",  "Okwir",  "Ebong"};
constexpr SV kLangoFemale[] = {"Apio", "Akello", "Acen",  "Adongo", "Akullu", "Atim",
                               "Awor", "Alum",   "Akao",  "Amongi", "Aceng",  "Ayugi",
                               "Auma", "Adero",  "Alobo", "Aguti"};
constexpr SV kLangoGroups[] = {"Ribbe Aye Teko", "Alwak Ber",    "Kica Ber",
                               "Wat Aye Teko",   "Can Deg Lwak", "Mon Tic"};

constexpr SV kSogaMale[] = {"Waiswa", "Mukama",  "Isabirye", "Kirunda", "Balikowa", "Bazaale",
                            "Kagoda", "Mugoya",  "Wambuzi",  "Magumba", "Tenywa",   "Kakaire",
                            "Kawuma", "Mwondha", "Ntale",    "Kiirya",  "Muwanguzi"};
constexpr SV kSogaFemale[] = {"Nabirye", "Namukose", "Kakai",    "Naigaga",  "Nangobi",
                              "Babirye", "Namwase",  "Nakirya",  "Naisanga", "Namulondo",
                              "Nabwire", "Mutesi",   "Nakagolo", "Namugabo"};
constexpr SV kSogaGroups[] = {"Twegaite",      "Tusubira", "Twekolere", "Obumu",
                              "Tukolere Wamu", "Tweyambe", "Kwagalana"};

constexpr SV kAnkoleMale[] = {
    "Tumusiime",   "Ahimbisibwe",  "Byaruhanga",   "Mugisha", "Turyahabwe", "Kamugisha",
    "Twinomujuni", "Muhwezi",      "Bainomugisha", "Tumwine", "Arinaitwe",  "Byamukama",
    "Mwesigye",    "Turyasingura", "Rwabwogo",     "Asiimwe", "Tukahirwa",  "Nuwagaba"};
constexpr SV kAnkoleFemale[] = {
    "Kyomuhendo", "Natukunda",  "Ainembabazi", "Kobusingye", "Atuhaire",   "Kemigisha",
    "Ninsiima",   "Kyarikunda", "Kansiime",    "Kyomugisha", "Tumuhairwe", "Ankunda",
    "Ahumuza",    "Katushabe",  "Kyasiimire",  "Mbabazi",    "Kembabazi",  "Nahabwe"};
constexpr SV kAnkoleGroups[] = {"Twimukye",    "Tukore Hamwe", "Twetungure", "Tukwatanise",
                                "Tweyombekye", "Obumwe",       "Kwetungura", "Twebembere"};

constexpr SV kGisuMale[] = {"Wanyama",   "Wamala",   "Masaba",  "Mafabi", "Wanzala", "Khaukha",
                            "Wepukhulu", "Wabomba",  "Wakooli", "Gidudu", "Wambede", "Kuloba",
                            "Watenga",   "Mukhwana", "Wabwire", "Nabende"};
constexpr SV kGisuFemale[] = {"Nambozo",  "Nandutu",    "Namono",  "Mutonyi", "Nafuna",
                              "Nasike",   "Khainza",    "Nambuya", "Nabulo",  "Nekesa",
                              "Namutosi", "Nakhumitsa", "Namugowa"};
constexpr SV kGisuGroups[] = {"Bumasaba Twekembe",     "Elgon", "Wanale", "Bungokho",
                              "Namatala Tukolerewamu", "Bubulo"};

constexpr SV kTooroMale[] = {"Kaahwa",    "Kisembo",    "Mugenyi",    "Baguma",     "Atwooki",
                             "Kasaija",   "Rwakaikara", "Tibamwenda", "Kyaligonza", "Isingoma",
                             "Balyebuga", "Rusoke",     "Mugisa",     "Bwambale",   "Masereka",
                             "Kule",      "Muhindo"};
constexpr SV kTooroFemale[] = {"Kabasinguzi", "Kemigisa",  "Kobusinge",   "Kyakuhaire", "Mbabazi",
                               "Kyomuhangi",  "Karungi",   "Nyakato",     "Kugonza",    "Biira",
                               "Kabugho",     "Katusiime", "Kusemererwa", "Masika",     "Kahindo"};
constexpr SV kTooroGroups[] = {"Twimukye", "Tukore Hamwe", "Tweyombekye",
                               "Rwenzori", "Tukwatanise",  "Obumu"};

constexpr SV kNyoroMale[] = {"Isingoma", "Byaruhanga", "Mugisa",    "Businge", "Kyaligonza",
                             "Baguma",   "Kiiza",      "Bigirwa",   "Mpairwe", "Tinkasiimire",
                             "Kaijuka",  "Tumusiime",  "Byakagaba", "Irumba"};
constexpr SV kNyoroFemale[] = {"Kyomugisha", "Kemigisa",   "Nyangoma",  "Kabahuma", "Kusiima",
                               "Mbabazi",    "Kyomuhendo", "Komuhangi", "Katusabe", "Nyamahunge",
                               "Tusiime",    "Akiiki",     "Kabagenyi"};
constexpr SV kNyoroGroups[] = {"Twimukye", "Tukore Hamwe", "Twetungure", "Bunyoro", "Tukwatanise"};

constexpr SV kTesoMale[] = {"Okiror",  "Opolot", "Emong",  "Okurut", "Eriau", "Ekiring",
                            "Omoding", "Ekwaro", "Etyang", "Egau",   "Ochom", "Olupot",
                            "Odeke",   "Ebiru",  "Elotu",  "Okia",   "Eseru", "Oluka"};
constexpr SV kTesoFemale[] = {"Aguti",  "Amongin", "Asio",   "Akiror", "Alupo", "Apolot", "Amoit",
                              "Akurut", "Anyait",  "Akello", "Aujo",   "Atino", "Acom",   "Adeke"};
constexpr SV kTesoGroups[] = {"Arapai", "Dakabela", "Awoja", "Teso", "Asuret", "Tubur"};

constexpr std::array<AreaNames, kAreaCount> kAreas = {{
    {kGandaMale, kGandaFemale, kGandaGroups},
    {kAcholiMale, kAcholiFemale, kAcholiGroups},
    {kLangoMale, kLangoFemale, kLangoGroups},
    {kSogaMale, kSogaFemale, kSogaGroups},
    {kAnkoleMale, kAnkoleFemale, kAnkoleGroups},
    {kGisuMale, kGisuFemale, kGisuGroups},
    {kTooroMale, kTooroFemale, kTooroGroups},
    {kNyoroMale, kNyoroFemale, kNyoroGroups},
    {kTesoMale, kTesoFemale, kTesoGroups},
}};

// --- Given (Christian and Muslim) names, shared across areas.

constexpr SV kMaleGiven[] = {
    "Joseph",  "Patrick",  "Moses",    "John",   "Peter",    "David",  "Samuel",  "Richard",
    "Robert",  "Charles",  "Emmanuel", "Isaac",  "Geoffrey", "Ronald", "Denis",   "Francis",
    "Godfrey", "Simon",    "Paul",     "James",  "Fred",     "Henry",  "Ivan",    "Brian",
    "Julius",  "Innocent", "Hassan",   "Ismail", "Abdul",    "Yusuf",  "Hamza",   "Andrew",
    "Stephen", "Alex",     "George",   "Tom",    "Daniel",   "Martin", "Vincent", "Collins",
    "Ambrose", "Jimmy",    "Edward",   "Sam",    "Bosco",    "Alfred", "Wilson",  "Nelson"};
constexpr SV kFemaleGiven[] = {
    "Grace",      "Florence", "Sarah",   "Agnes",     "Harriet",  "Juliet",    "Betty",
    "Esther",     "Margaret", "Rose",    "Christine", "Prossy",   "Annet",     "Sylvia",
    "Immaculate", "Scovia",   "Mercy",   "Brenda",    "Joan",     "Josephine", "Winnie",
    "Proscovia",  "Aisha",    "Mariam",  "Zainab",    "Hadija",   "Jane",      "Irene",
    "Doreen",     "Lydia",    "Peace",   "Gloria",    "Rebecca",  "Ruth",      "Faith",
    "Catherine",  "Teddy",    "Lillian", "Stella",    "Evelyn",   "Dorothy",   "Beatrice",
    "Susan",      "Milly",    "Hope",    "Rehema",    "Sharifah", "Night"};

constexpr GroupSuffix kGroupSuffixes[] = {
    {"Women Group", 45},        {"Group", 18},      {"Farmers Group", 14},   {"Traders Group", 10},
    {"Women Savings Group", 6}, {"Youth Group", 4}, {"Development Group", 3}};

// --- Branches, their credit officers (user names) and neighbourhoods or villages.

constexpr SV kKampalaOfficers[] = {"nakato.s", "mukasa", "ssali.j", "namubiru"};
constexpr SV kKampalaPlaces[] = {"Kisenyi", "Nakasero",   "Wandegeya", "Kamwokya", "Katwe",
                                 "Kibuli",  "Mengo",      "Nsambya",   "Kalerwe",  "Bwaise",
                                 "Kisugu",  "Kabalagala", "Namirembe", "Ndeeba",   "Kiswa"};
constexpr SV kNansanaOfficers[] = {"kizza", "nabukenya", "lubega.r"};
constexpr SV kNansanaPlaces[] = {"Nansana", "Nabweru", "Ganda",    "Wamala",  "Gombe",
                                 "Kawempe", "Kazo",    "Kyebando", "Matugga", "Kanyanya"};
constexpr SV kGuluOfficers[] = {"okello", "atim", "ojok.p"};
constexpr SV kGuluPlaces[] = {"Pece", "Laroo",  "Bardege",   "Layibi", "Kasubi",
                              "Koro", "Unyama", "Bungatira", "Awach",  "Lalogi"};
constexpr SV kLiraOfficers[] = {"opio", "acen", "ogwang.d"};
constexpr SV kLiraPlaces[] = {"Adyel",    "Ojwina", "Railways", "Ireda",     "Amuca",
                              "Boroboro", "Ngetta", "Barr",     "Adekokwok", "Agali"};
constexpr SV kJinjaOfficers[] = {"waiswa", "nabirye.r", "kirunda"};
constexpr SV kJinjaPlaces[] = {"Walukuba", "Mpumudde", "Masese",  "Bugembe", "Kimaka",
                               "Mafubira", "Budondo",  "Buwenge", "Kakira",  "Wairaka"};
constexpr SV kMbararaOfficers[] = {"tumusiime", "kyomuhendo", "mugisha.a", "atuhaire"};
constexpr SV kMbararaPlaces[] = {"Kakoba",  "Kamukuzi", "Nyamitanga", "Ruharo", "Katete",
                                 "Biharwe", "Kakiika",  "Rwebikoona", "Ruti",   "Nyakayojo"};
constexpr SV kMbaleOfficers[] = {"wanyama", "nambozo", "masaba.d"};
constexpr SV kMbalePlaces[] = {"Namakwekwe", "Nkoma",    "Namatala", "Malukhu", "Busamaga",
                               "Bungokho",   "Nakaloke", "Wanale",   "Bufumbo", "Busiu"};
constexpr SV kMasakaOfficers[] = {"kato", "nalubega", "ssemakula"};
constexpr SV kMasakaPlaces[] = {"Nyendo",    "Kimaanya", "Katwe-Butego", "Kijjabwemi", "Ssenyange",
                                "Kyabakuza", "Bukakata", "Kitovu",       "Mukungwe"};
constexpr SV kFortPortalOfficers[] = {"kaahwa", "kemigisa", "bwambale"};
constexpr SV kFortPortalPlaces[] = {"Kabundaire", "Boma",   "Kagote",  "Rwengoma", "Karambi",
                                    "Kiko",       "Mugusu", "Buhinga", "Harugongo"};
constexpr SV kHoimaOfficers[] = {"isingoma", "kyomugisha"};
constexpr SV kHoimaPlaces[] = {"Kahoora", "Mparo",    "Bujumbura", "Busiisi",
                               "Kihukya", "Buhanika", "Kigorobya", "Kitoba"};
constexpr SV kSorotiOfficers[] = {"okiror", "amongin", "opolot.j"};
constexpr SV kSorotiPlaces[] = {"Arapai", "Dakabela", "Awoja",  "Madera", "Nakatunya",
                                "Gweri",  "Tubur",    "Asuret", "Kamuda"};

constexpr Branch kBranches[] = {
    {"Kampala Central", "Kampala", 18, Area::Buganda, false, kKampalaOfficers, kKampalaPlaces},
    {"Nansana", "Wakiso", 8, Area::Buganda, false, kNansanaOfficers, kNansanaPlaces},
    {"Gulu", "Gulu", 10, Area::Acholi, true, kGuluOfficers, kGuluPlaces},
    {"Lira", "Lira", 8, Area::Lango, true, kLiraOfficers, kLiraPlaces},
    {"Jinja", "Jinja", 10, Area::Busoga, false, kJinjaOfficers, kJinjaPlaces},
    {"Mbarara", "Mbarara", 10, Area::Ankole, true, kMbararaOfficers, kMbararaPlaces},
    {"Mbale", "Mbale", 9, Area::Bugisu, true, kMbaleOfficers, kMbalePlaces},
    {"Masaka", "Masaka", 9, Area::Buganda, true, kMasakaOfficers, kMasakaPlaces},
    {"Fort Portal", "Fort Portal", 7, Area::Tooro, true, kFortPortalOfficers, kFortPortalPlaces},
    {"Hoima", "Hoima", 6, Area::Bunyoro, true, kHoimaOfficers, kHoimaPlaces},
    {"Soroti", "Soroti", 5, Area::Teso, true, kSorotiOfficers, kSorotiPlaces},
};

} // namespace

std::span<const Branch> branches() {
    return kBranches;
}
const AreaNames& areaNames(Area area) {
    return kAreas[static_cast<std::size_t>(area)];
}
std::span<const std::string_view> maleGivenNames() {
    return kMaleGiven;
}
std::span<const std::string_view> femaleGivenNames() {
    return kFemaleGiven;
}
std::span<const GroupSuffix> groupSuffixes() {
    return kGroupSuffixes;
}

} // namespace rd::demo
