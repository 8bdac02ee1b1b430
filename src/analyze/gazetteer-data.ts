/**
 * The gazetteer's word lists, our own (written from general knowledge for English-language news).
 * One entry per line: `slug|Name;Alias;...|Demonym;...|Metonym;...`. Demonyms ending in n or i also
 * match with an s ("North Koreans", "Israelis"). Metonyms are capitals or seats of government that
 * news uses for the state ("Pyongyang said", "the Kremlin denied"). All map to `place:<slug>`.
 */
export const COUNTRIES = `
afghanistan|Afghanistan|Afghan|Kabul
albania|Albania|Albanian|Tirana
algeria|Algeria|Algerian|Algiers
andorra|Andorra|Andorran|
angola|Angola|Angolan|Luanda
argentina|Argentina|Argentine;Argentinian|Buenos Aires
armenia|Armenia|Armenian|Yerevan
australia|Australia|Australian|Canberra
austria|Austria|Austrian|Vienna
azerbaijan|Azerbaijan|Azerbaijani;Azeri|Baku
bahamas|Bahamas;The Bahamas|Bahamian|
bahrain|Bahrain|Bahraini|Manama
bangladesh|Bangladesh|Bangladeshi|Dhaka
barbados|Barbados|Barbadian|
belarus|Belarus|Belarusian|Minsk
belgium|Belgium|Belgian|
belize|Belize|Belizean|
benin|Benin|Beninese|
bhutan|Bhutan|Bhutanese|
bolivia|Bolivia|Bolivian|La Paz
bosnia-and-herzegovina|Bosnia and Herzegovina;Bosnia|Bosnian|Sarajevo
botswana|Botswana|Botswanan|
brazil|Brazil|Brazilian|Brasilia;Brasília
brunei|Brunei|Bruneian|
bulgaria|Bulgaria|Bulgarian|Sofia
burkina-faso|Burkina Faso|Burkinabe|Ouagadougou
burundi|Burundi|Burundian|
cambodia|Cambodia|Cambodian|Phnom Penh
cameroon|Cameroon|Cameroonian|
canada|Canada|Canadian|Ottawa
cape-verde|Cape Verde;Cabo Verde|Cape Verdean|
central-african-republic|Central African Republic|Central African|Bangui
chad|Chad|Chadian|N'Djamena
chile|Chile|Chilean|Santiago
china|China;People's Republic of China;PRC;Mainland China|Chinese|Beijing;Zhongnanhai
colombia|Colombia|Colombian|Bogota;Bogotá
comoros|Comoros|Comorian|
congo|Republic of the Congo;Congo-Brazzaville|Congolese|Brazzaville
democratic-republic-of-the-congo|Democratic Republic of the Congo;Democratic Republic of Congo;DRC;DR Congo;Congo-Kinshasa||Kinshasa
costa-rica|Costa Rica|Costa Rican|San Jose
croatia|Croatia|Croatian|Zagreb
cuba|Cuba|Cuban|Havana
cyprus|Cyprus|Cypriot|Nicosia
czech-republic|Czech Republic;Czechia|Czech|Prague
denmark|Denmark|Danish;Dane;Danes|Copenhagen
djibouti|Djibouti|Djiboutian|
dominican-republic|Dominican Republic|Dominican|Santo Domingo
ecuador|Ecuador|Ecuadorian;Ecuadorean|Quito
egypt|Egypt|Egyptian|Cairo
el-salvador|El Salvador|Salvadoran|San Salvador
equatorial-guinea|Equatorial Guinea|Equatoguinean|
eritrea|Eritrea|Eritrean|Asmara
estonia|Estonia|Estonian|Tallinn
eswatini|Eswatini;Swaziland|Swazi|
ethiopia|Ethiopia|Ethiopian|Addis Ababa
fiji|Fiji|Fijian|
finland|Finland|Finnish;Finn;Finns|Helsinki
france|France|French;Frenchman;Frenchmen|Elysee;Élysée
gabon|Gabon|Gabonese|
gambia|Gambia;The Gambia|Gambian|
georgia|Georgia|Georgian|Tbilisi
germany|Germany|German|Berlin
ghana|Ghana|Ghanaian|Accra
greece|Greece|Greek;Greeks|Athens
grenada|Grenada|Grenadian|
guatemala|Guatemala|Guatemalan|
guinea|Guinea|Guinean|Conakry
guinea-bissau|Guinea-Bissau||
guyana|Guyana|Guyanese|
haiti|Haiti|Haitian|Port-au-Prince
honduras|Honduras|Honduran|Tegucigalpa
hungary|Hungary|Hungarian|Budapest
iceland|Iceland|Icelandic;Icelander;Icelanders|Reykjavik
india|India|Indian|New Delhi
indonesia|Indonesia|Indonesian|Jakarta
iran|Iran;Islamic Republic of Iran|Iranian|Tehran
iraq|Iraq|Iraqi|Baghdad
ireland|Ireland;Republic of Ireland|Irish|Dublin
israel|Israel|Israeli|
italy|Italy|Italian|
ivory-coast|Ivory Coast;Cote d'Ivoire;Côte d'Ivoire|Ivorian|
jamaica|Jamaica|Jamaican|Kingston
japan|Japan|Japanese|Tokyo
jordan|Jordan|Jordanian|Amman
kazakhstan|Kazakhstan|Kazakh;Kazakhstani|Astana
kenya|Kenya|Kenyan|Nairobi
kiribati|Kiribati||
kosovo|Kosovo|Kosovar;Kosovan|Pristina
kuwait|Kuwait|Kuwaiti|
kyrgyzstan|Kyrgyzstan|Kyrgyz|Bishkek
laos|Laos|Laotian|Vientiane
latvia|Latvia|Latvian|Riga
lebanon|Lebanon|Lebanese|Beirut
lesotho|Lesotho||
liberia|Liberia|Liberian|Monrovia
libya|Libya|Libyan|Tripoli
liechtenstein|Liechtenstein||
lithuania|Lithuania|Lithuanian|Vilnius
luxembourg|Luxembourg|Luxembourgish|
madagascar|Madagascar|Malagasy|Antananarivo
malawi|Malawi|Malawian|Lilongwe
malaysia|Malaysia|Malaysian|Kuala Lumpur
maldives|Maldives|Maldivian|
mali|Mali|Malian|Bamako
malta|Malta|Maltese|Valletta
mauritania|Mauritania|Mauritanian|Nouakchott
mauritius|Mauritius|Mauritian|
mexico|Mexico|Mexican|Mexico City
moldova|Moldova|Moldovan|Chisinau
monaco|Monaco|Monegasque|
mongolia|Mongolia|Mongolian|Ulaanbaatar
montenegro|Montenegro|Montenegrin|Podgorica
morocco|Morocco|Moroccan|Rabat
mozambique|Mozambique|Mozambican|Maputo
myanmar|Myanmar;Burma|Burmese|Naypyidaw
namibia|Namibia|Namibian|Windhoek
nepal|Nepal|Nepali;Nepalese|Kathmandu
netherlands|Netherlands;The Netherlands;Holland|Dutch;Dutchman|
new-zealand|New Zealand|New Zealander|Wellington
nicaragua|Nicaragua|Nicaraguan|Managua
niger|Niger|Nigerien|Niamey
nigeria|Nigeria|Nigerian|Abuja
north-korea|North Korea;N. Korea;N.Korea;NKorea;DPRK;Democratic People's Republic of Korea|North Korean|Pyongyang
north-macedonia|North Macedonia;Macedonia|Macedonian|Skopje
norway|Norway|Norwegian|Oslo
oman|Oman|Omani|Muscat
pakistan|Pakistan|Pakistani|Islamabad
palestine|Palestine;Palestinian Territories;West Bank;Gaza;Gaza Strip|Palestinian|Ramallah
panama|Panama|Panamanian|Panama City
papua-new-guinea|Papua New Guinea||Port Moresby
paraguay|Paraguay|Paraguayan|Asuncion
peru|Peru|Peruvian|Lima
philippines|Philippines;The Philippines|Filipino;Filipina;Philippine|Manila
poland|Poland|Polish;Pole;Poles|Warsaw
portugal|Portugal|Portuguese|Lisbon
qatar|Qatar|Qatari|Doha
romania|Romania|Romanian|Bucharest
russia|Russia;Russian Federation|Russian|Moscow;Kremlin;The Kremlin
rwanda|Rwanda|Rwandan|Kigali
saudi-arabia|Saudi Arabia;Kingdom of Saudi Arabia;KSA|Saudi|Riyadh
senegal|Senegal|Senegalese|Dakar
serbia|Serbia|Serbian;Serb|Belgrade
sierra-leone|Sierra Leone|Sierra Leonean|Freetown
singapore|Singapore|Singaporean|
slovakia|Slovakia|Slovak;Slovakian|Bratislava
slovenia|Slovenia|Slovenian;Slovene|Ljubljana
somalia|Somalia|Somali|Mogadishu
south-africa|South Africa|South African|Pretoria
south-korea|South Korea;S. Korea;S.Korea;SKorea;Republic of Korea;ROK|South Korean|Seoul
south-sudan|South Sudan|South Sudanese|Juba
spain|Spain|Spanish;Spaniard|Madrid
sri-lanka|Sri Lanka|Sri Lankan|Colombo
sudan|Sudan|Sudanese|Khartoum
suriname|Suriname|Surinamese|
sweden|Sweden|Swedish;Swede;Swedes|Stockholm
switzerland|Switzerland|Swiss|Bern
syria|Syria|Syrian|Damascus
taiwan|Taiwan;Republic of China|Taiwanese|Taipei
tajikistan|Tajikistan|Tajik|Dushanbe
tanzania|Tanzania|Tanzanian|Dodoma
thailand|Thailand|Thai|Bangkok
togo|Togo|Togolese|Lome
trinidad-and-tobago|Trinidad and Tobago;Trinidad|Trinidadian|
tunisia|Tunisia|Tunisian|Tunis
turkey|Turkey;Türkiye;Turkiye|Turkish;Turk;Turks|Ankara
turkmenistan|Turkmenistan|Turkmen|Ashgabat
uganda|Uganda|Ugandan|Kampala
ukraine|Ukraine|Ukrainian|Kyiv;Kiev
united-arab-emirates|United Arab Emirates;UAE;U.A.E.|Emirati|Abu Dhabi
united-kingdom|United Kingdom;UK;U.K.;Britain;Great Britain|British;Briton;Britons|Downing Street;Whitehall
united-states|United States;United States of America;US;U.S.;USA;U.S.A.;America|American|Washington
uruguay|Uruguay|Uruguayan|Montevideo
uzbekistan|Uzbekistan|Uzbek|Tashkent
vatican|Vatican;Vatican City;Holy See||
venezuela|Venezuela|Venezuelan|Caracas
vietnam|Vietnam;Viet Nam|Vietnamese|Hanoi
yemen|Yemen|Yemeni|Sanaa;Sana'a
zambia|Zambia|Zambian|Lusaka
zimbabwe|Zimbabwe|Zimbabwean|Harare
`;

/** Other places: `slug|Name;Alias;...` (US states, territories, regions, large cities). */
export const PLACES = `
europe|Europe;European;Europeans
asia|Asia;Asian;Asians
africa|Africa;African;Africans
middle-east|Middle East;Mideast
latin-america|Latin America;Latin American
korean-peninsula|Korean Peninsula
guam|Guam
puerto-rico|Puerto Rico;Puerto Rican
hong-kong|Hong Kong
crimea|Crimea
donbas|Donbas;Donbass
kashmir|Kashmir
tibet|Tibet;Tibetan
xinjiang|Xinjiang
alaska|Alaska
hawaii|Hawaii
california|California;Calif.
texas|Texas;Tex.
florida|Florida;Fla.
new-york|New York;N.Y.;New York City;NYC
washington-dc|Washington, D.C.;Washington D.C.;D.C.;District of Columbia
washington-state|Washington state;Washington State
london|London
paris|Paris
the-hague|The Hague;Hague
geneva|Geneva
brussels|Brussels
jerusalem|Jerusalem
tel-aviv|Tel Aviv
shanghai|Shanghai
new-jersey|New Jersey;N.J.
pennsylvania|Pennsylvania
ohio|Ohio
michigan|Michigan
illinois|Illinois
chicago|Chicago
los-angeles|Los Angeles
arizona|Arizona
nevada|Nevada
virginia|Virginia
north-carolina|North Carolina
south-carolina|South Carolina
massachusetts|Massachusetts
minnesota|Minnesota
wisconsin|Wisconsin
iowa|Iowa
colorado|Colorado
oregon|Oregon
utah|Utah
kentucky|Kentucky
tennessee|Tennessee
alabama|Alabama
louisiana|Louisiana
mississippi|Mississippi
missouri|Missouri
maryland|Maryland
connecticut|Connecticut
indiana|Indiana
oklahoma|Oklahoma
kansas|Kansas
nebraska|Nebraska
arkansas|Arkansas
new-mexico|New Mexico
new-hampshire|New Hampshire
vermont|Vermont
maine|Maine
idaho|Idaho
montana|Montana
wyoming|Wyoming
north-dakota|North Dakota
south-dakota|South Dakota
west-virginia|West Virginia
delaware|Delaware
rhode-island|Rhode Island
silicon-valley|Silicon Valley
wall-street|Wall Street
`;

/**
 * Organisations and groups: `type|slug|Name;Alias;...`. Government bodies, international bodies,
 * news agencies and outlets, parties and armed groups. All-capital aliases match only in capitals.
 */
export const ORGANISATIONS = `
org|united-nations|United Nations;UN;U.N.
org|un-security-council|UN Security Council;U.N. Security Council;United Nations Security Council;Security Council
org|un-general-assembly|UN General Assembly;U.N. General Assembly;General Assembly
org|nato|NATO;North Atlantic Treaty Organization
org|european-union|European Union;EU;E.U.
org|european-commission|European Commission
org|world-health-organization|World Health Organization;WHO
org|iaea|International Atomic Energy Agency;IAEA
org|imf|International Monetary Fund;IMF
org|world-bank|World Bank
org|wto|World Trade Organization;WTO
org|opec|OPEC
org|general-motors|General Motors;GM
org|general-electric|General Electric;GE
org|g7|G7;G-7;Group of Seven
org|g20|G20;G-20;Group of 20
org|asean|ASEAN;Association of Southeast Asian Nations
org|african-union|African Union
org|arab-league|Arab League
org|red-cross|Red Cross;International Committee of the Red Cross;ICRC
org|amnesty-international|Amnesty International;Amnesty
org|human-rights-watch|Human Rights Watch
org|international-criminal-court|International Criminal Court;ICC
org|state-department|State Department;Department of State;U.S. State Department;US State Department
org|white-house|White House
org|pentagon|Pentagon;Defense Department;Department of Defense;DoD
org|us-congress|Congress
org|us-senate|Senate;U.S. Senate;US Senate
org|us-house|House of Representatives
org|us-supreme-court|Supreme Court;U.S. Supreme Court
org|fbi|FBI;Federal Bureau of Investigation
org|cia|CIA;Central Intelligence Agency
org|nsa|NSA;National Security Agency
org|justice-department|Justice Department;Department of Justice;DOJ
org|treasury-department|Treasury Department;Treasury;Department of the Treasury
org|homeland-security|Department of Homeland Security;Homeland Security;DHS
org|national-security-council|National Security Council;NSC
org|federal-reserve|Federal Reserve;Fed
org|associated-press|Associated Press;The Associated Press;AP
org|reuters|Reuters;Thomson Reuters
org|afp|Agence France-Presse;AFP;Agence France Presse
org|xinhua|Xinhua;Xinhua News Agency
org|kcna|KCNA;Korean Central News Agency
org|yonhap|Yonhap;Yonhap News Agency
org|kyodo|Kyodo;Kyodo News
org|tass|TASS;Tass
org|ria-novosti|RIA Novosti;RIA
org|interfax|Interfax
org|bloomberg|Bloomberg;Bloomberg News
org|bbc|BBC;British Broadcasting Corporation
org|cnn|CNN
org|fox-news|Fox News;Fox
org|msnbc|MSNBC
org|nbc|NBC;NBC News
org|cbs|CBS;CBS News
org|abc-news|ABC News
org|npr|NPR;National Public Radio
org|pbs|PBS
org|new-york-times|New York Times;The New York Times;NYT
org|washington-post|Washington Post;The Washington Post
org|wall-street-journal|Wall Street Journal;The Wall Street Journal;WSJ
org|usa-today|USA Today
org|los-angeles-times|Los Angeles Times;LA Times
org|the-guardian|The Guardian;Guardian
org|financial-times|Financial Times
org|the-economist|The Economist;Economist
org|politico|Politico
org|axios|Axios
org|the-hill|The Hill
org|newsweek|Newsweek
org|al-jazeera|Al Jazeera;Al-Jazeera
org|global-times|Global Times
org|peoples-daily|People's Daily
org|china-daily|China Daily
org|rodong-sinmun|Rodong Sinmun
org|daily-mail|Daily Mail
org|the-telegraph|The Telegraph;Telegraph
org|nhk|NHK
org|huffpost|HuffPost;Huffington Post;The Huffington Post
org|breitbart|Breitbart;Breitbart News
org|propublica|ProPublica
org|democratic-party|Democratic Party;Democratic National Committee;DNC
org|republican-party|Republican Party;GOP;Republican National Committee;RNC
org|labour-party|Labour Party;Labour
org|conservative-party|Conservative Party;Tories;Tory
org|chinese-communist-party|Chinese Communist Party;Communist Party of China;CCP
org|workers-party-of-korea|Workers' Party of Korea
org|taliban|Taliban
org|hamas|Hamas
org|hezbollah|Hezbollah
org|islamic-state|Islamic State;ISIS;ISIL
org|al-qaeda|al-Qaeda;al Qaeda;Al Qaeda;Al-Qaeda
group|democrats|Democrats;Democrat;Democratic
group|republicans|Republicans;Republican
group|christians|Christian;Christians
group|muslims|Muslim;Muslims
group|jews|Jew;Jews;Jewish
group|catholics|Catholic;Catholics
group|kurds|Kurd;Kurds;Kurdish
`;

/**
 * Well-known people: `slug|Full Name;Variant;...|Surname;...`. The short forms apply only when the
 * article names no other person with that word (an article about Ivanka Trump keeps "Trump" hers).
 */
export const PEOPLE = `
donald-trump|Donald Trump;Donald J. Trump|Trump
joe-biden|Joe Biden;Joseph Biden;Joseph R. Biden|Biden
barack-obama|Barack Obama|Obama
kim-jong-un|Kim Jong Un;Kim Jong-un;Kim Jong-Un|
xi-jinping|Xi Jinping|Xi
vladimir-putin|Vladimir Putin|Putin
moon-jae-in|Moon Jae-in;Moon Jae In|
shinzo-abe|Shinzo Abe|Abe
volodymyr-zelensky|Volodymyr Zelensky;Volodymyr Zelenskyy|Zelensky;Zelenskyy
emmanuel-macron|Emmanuel Macron|Macron
angela-merkel|Angela Merkel|Merkel
benjamin-netanyahu|Benjamin Netanyahu|Netanyahu
recep-tayyip-erdogan|Recep Tayyip Erdogan;Tayyip Erdogan|Erdogan
narendra-modi|Narendra Modi|Modi
justin-trudeau|Justin Trudeau|Trudeau
mike-pence|Mike Pence|Pence
rex-tillerson|Rex Tillerson|Tillerson
mike-pompeo|Mike Pompeo|Pompeo
antony-blinken|Antony Blinken|Blinken
bashar-al-assad|Bashar al-Assad;Bashar Assad|Assad
ali-khamenei|Ali Khamenei;Ayatollah Ali Khamenei|Khamenei
kamala-harris|Kamala Harris|
hillary-clinton|Hillary Clinton;Hillary Rodham Clinton|
boris-johnson|Boris Johnson|
theresa-may|Theresa May|
rishi-sunak|Rishi Sunak|Sunak
keir-starmer|Keir Starmer|Starmer
elon-musk|Elon Musk|Musk
`;
