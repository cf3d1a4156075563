namespace Matchmaker.Api.Features.Demo;

/// <summary>What a kind of Kyrgyz SME is called, does and asks for, by its main ISIC division.</summary>
internal sealed record SmeSector(
    string Code, int Weight, bool MachineBuilding, string[] NameWords, string Activity, string[] Projects,
    string[] Related, (string Type, int Weight)[] NeedTypes, int MaxEmployees, decimal MaxUsd);

/// <summary>A line of business of a Shandong firm: its English and Chinese name part and its divisions.</summary>
internal sealed record PartnerSpecialty(string En, string Zh, string[] Sectors, bool MachineBuilding, bool Investor = false);

/// <summary>The vocabulary of the demo world (Kyrgyz regions and firms, Shandong cities and the programme's sectors): names, weights and phrases.</summary>
internal static class DemoCatalog
{
    public static readonly DateTime Start = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>119 SMEs, the enterprises opened in 2025: most in Bishkek and Chüy, some in every region.</summary>
    public static readonly (string Code, int Count, string[] Prefixes)[] Regions =
    [
        ("KG-GB", 34, ["Ала-Тоо", "Бишкек", "Манас", "Эркиндик", "Ак-Бата", "Кыргыз", "Асман", "Тулпар", "Айчүрөк", "Жибек Жолу", "Арча", "Салкын"]),
        ("KG-C", 22, ["Чуй", "Токмок", "Кант", "Кара-Балта", "Сокулук", "Кемин", "Ысык-Ата", "Аламүдүн", "Шопоков"]),
        ("KG-GO", 10, ["Ош", "Сулайман-Тоо", "Ак-Буура", "Керме-Тоо", "Алтын-Ош"]),
        ("KG-O", 10, ["Алай", "Өзгөн", "Кара-Суу", "Ноокат", "Чоң-Алай", "Кара-Кулжа"]),
        ("KG-J", 11, ["Джалал-Абад", "Таш-Көмүр", "Кара-Көл", "Майлуу-Суу", "Арстанбап", "Токтогул"]),
        ("KG-Y", 11, ["Иссык-Куль", "Каракол", "Чолпон-Ата", "Балыкчы", "Түп", "Тоң"]),
        ("KG-N", 6, ["Нарын", "Ат-Башы", "Кочкор", "Тянь-Шань", "Ак-Талаа"]),
        ("KG-T", 7, ["Талас", "Манас-Ордо", "Кара-Буура", "Бакай-Ата"]),
        ("KG-B", 8, ["Баткен", "Кызыл-Кыя", "Сүлүктү", "Исфана", "Лейлек", "Кадамжай"]),
    ];

    private static readonly (string, int)[] IndustryNeeds =
        [("equipment_supply", 30), ("technology_transfer", 20), ("joint_venture", 20), ("equity", 12), ("loan", 10), ("offtake", 8)];

    private static readonly (string, int)[] AgriFoodNeeds =
        [("equipment_supply", 25), ("loan", 25), ("offtake", 20), ("equity", 15), ("joint_venture", 10), ("technology_transfer", 5)];

    private static readonly (string, int)[] ServiceNeeds =
        [("equity", 30), ("loan", 30), ("joint_venture", 20), ("equipment_supply", 15), ("technology_transfer", 5)];

    public static readonly SmeSector[] SmeSectors =
    [
        new("C25", 8, true, ["Металл", "Метиз", "Металлоконструкция"], "Металлоконструкции, метизы и металлообработка на заказ",
            ["цех металлоконструкций", "производство метизов", "линия порошковой окраски"], ["C28", "F41"], IndustryNeeds, 250, 3_000_000m),
        new("C26", 4, true, ["Электроника", "Прибор"], "Сборка электронных приборов и счётчиков",
            ["сборка счётчиков электроэнергии", "производство светодиодных светильников"], ["C27"], IndustryNeeds, 150, 2_000_000m),
        new("C27", 6, true, ["Электромаш", "Электро", "Кабель"], "Электрооборудование: трансформаторы, кабель, электродвигатели",
            ["производство трансформаторов", "кабельный завод", "сборка электродвигателей"], ["C26", "D35"], IndustryNeeds, 300, 4_000_000m),
        new("C28", 14, true, ["Машзавод", "Агромаш", "Станкомаш", "Техмаш"], "Выпуск и ремонт сельхозтехники, насосов и станочного оборудования",
            ["сборка сельхозтехники", "цех станков с ЧПУ", "производство насосов", "линия гидроцилиндров"], ["C25", "C27"], IndustryNeeds, 400, 5_000_000m),
        new("C29", 6, true, ["Автокомпонент", "Автосборка", "Прицеп"], "Автокомпоненты, прицепы и сборка коммерческого транспорта",
            ["сборка малотоннажных грузовиков", "производство автокомпонентов", "завод прицепов"], ["C25", "C22"], IndustryNeeds, 350, 5_000_000m),
        new("C30", 3, true, ["Вагонмаш", "Вагонсервис"], "Ремонт и комплектующие для железнодорожного подвижного состава",
            ["ремонт железнодорожных вагонов", "производство комплектующих для вагонов"], ["C25", "C28"], IndustryNeeds, 300, 4_000_000m),
        new("A01", 9, false, ["Агро", "Агрофирма", "Бакча"], "Растениеводство и животноводство",
            ["тепличный комплекс", "интенсивный яблоневый сад", "молочная ферма"], ["C10"], AgriFoodNeeds, 120, 1_500_000m),
        new("C10", 10, false, ["Сүт", "Азык", "Продукт", "Нан"], "Переработка молока, мяса, фруктов и зерна",
            ["молочный завод", "переработка фруктов", "мясокомбинат", "мельничный комплекс"], ["A01", "C11"], AgriFoodNeeds, 200, 2_500_000m),
        new("C13", 5, false, ["Текстиль", "Жүн", "Пряжа"], "Переработка шерсти и выпуск пряжи и тканей",
            ["прядильная фабрика", "переработка шерсти"], ["C14"], IndustryNeeds, 250, 2_000_000m),
        new("C14", 6, false, ["Тигүү", "Стиль", "Швейная фабрика"], "Пошив одежды и спецодежды на экспорт",
            ["швейная фабрика", "пошив спецодежды"], ["C13"], IndustryNeeds, 300, 1_200_000m),
        new("C23", 6, false, ["Цемент", "Кирпич", "Стекло"], "Строительные материалы: цемент, кирпич, стекло",
            ["цементный завод", "производство кирпича", "производство стекла"], ["F41"], IndustryNeeds, 300, 6_000_000m),
        new("D35", 5, false, ["Энерго", "ГЭС", "Солар"], "Малая гидро- и солнечная энергетика",
            ["малая ГЭС", "солнечная электростанция"], ["C27"], ServiceNeeds, 80, 8_000_000m),
        new("F41", 7, false, ["Курулуш", "Строй", "Девелопмент"], "Строительство жилых и промышленных зданий",
            ["жилой комплекс", "индустриальный парк"], ["C23", "F42"], ServiceNeeds, 250, 8_000_000m),
        new("H49", 5, false, ["Транс", "Логистик", "Жол"], "Грузовые автоперевозки и логистика",
            ["логистический терминал", "парк грузовых автомобилей"], ["H52"], ServiceNeeds, 150, 3_000_000m),
        new("I55", 5, false, ["Отель", "Курорт", "Тур"], "Гостиницы и туристические базы",
            ["гостиничный комплекс", "горнолыжная база"], ["I56"], ServiceNeeds, 120, 5_000_000m),
        new("J62", 5, false, ["Софт", "Диджитал", "IT"], "Разработка программного обеспечения и цифровых сервисов",
            ["платформа учёта для МСП", "центр разработки ПО"], ["J63"], ServiceNeeds, 60, 800_000m),
    ];

    public static readonly Dictionary<string, string> NeedTypeLabels = new(StringComparer.Ordinal)
    {
        ["equity"] = "Долевые инвестиции",
        ["loan"] = "Заём",
        ["joint_venture"] = "Совместное предприятие",
        ["equipment_supply"] = "Поставка оборудования",
        ["technology_transfer"] = "Трансфер технологий",
        ["offtake"] = "Долгосрочный сбыт",
    };

    public static readonly string[] MaleNames = ["Азамат", "Бакыт", "Нурлан", "Айбек", "Эрлан", "Талант", "Улан", "Мирлан", "Чыңгыз", "Кубанычбек", "Алмаз", "Руслан"];
    public static readonly string[] FemaleNames = ["Айгүл", "Жылдыз", "Нургүл", "Айжан", "Гульнара", "Бермет", "Чолпон", "Асель", "Динара", "Мээрим"];
    public static readonly string[] Surnames = ["Абдыкадыров", "Асанов", "Токтогулов", "Джумабаев", "Осмонов", "Садыков", "Бейшеналиев", "Мамытов", "Исаков", "Жээнбеков", "Качкынбаев", "Турдубаев"];

    public static readonly string[] ExportMarkets = ["KZ", "UZ", "RU", "CN", "TJ", "AF", "TR", "AE", "DE"];

    /// <summary>Shandong partners per city: at least two everywhere, more in the industrial centres.</summary>
    public static readonly Dictionary<string, int> PartnersPerCity = new(StringComparer.Ordinal)
    {
        ["jinan"] = 7, ["qingdao"] = 7, ["zibo"] = 5, ["zaozhuang"] = 2, ["dongying"] = 2, ["yantai"] = 5, ["weifang"] = 6, ["jining"] = 4,
        ["taian"] = 3, ["weihai"] = 4, ["rizhao"] = 2, ["linyi"] = 4, ["dezhou"] = 2, ["liaocheng"] = 3, ["binzhou"] = 2, ["heze"] = 2,
    };

    public static readonly PartnerSpecialty[] MachineBuilding =
    [
        new("Machinery", "机械", ["C28", "C25"], true),
        new("Heavy Industry", "重工", ["C28", "C25", "C24"], true),
        new("Agricultural Machinery", "农业机械", ["C28"], true),
        new("Machine Tools", "机床", ["C28", "C25"], true),
        new("Hydraulics", "液压", ["C28"], true),
        new("Precision Castings", "精密铸造", ["C25", "C24"], true),
        new("Auto Parts", "汽车零部件", ["C29", "C25"], true),
        new("Special Vehicles", "专用车", ["C29", "C28"], true),
        new("Rail Equipment", "轨道装备", ["C30", "C28"], true),
        new("Electric", "电气", ["C27", "C26"], true),
        new("Electronics", "电子", ["C26", "C27"], true),
        new("Steel Structures", "钢结构", ["C25", "F41"], true),
        new("Engineering Design", "工程设计", ["M71", "F41", "C28"], true),
        new("Engineering Technology", "工程技术", ["M71", "C28", "C25"], true),
        new("Power Equipment", "动力设备", ["C28", "C27", "D35"], true),
        new("Mining Machinery", "矿山机械", ["C28", "B07"], true),
        new("Food Machinery", "食品机械", ["C28", "C10"], true),
        new("Textile Machinery", "纺织机械", ["C28", "C13"], true),
        new("Industrial Investment", "产业投资", ["C28", "C29", "C27", "C25", "M71"], true, Investor: true),
    ];

    public static readonly PartnerSpecialty[] Other =
    [
        new("Food", "食品", ["C10", "A01"], false),
        new("Agriculture", "农业", ["A01", "C10"], false),
        new("Textile", "纺织", ["C13", "C14"], false),
        new("Garments", "服装", ["C14", "C13"], false),
        new("Building Materials", "建材", ["C23", "F41"], false),
        new("New Energy", "新能源", ["D35", "C27"], false),
        new("Construction", "建设", ["F41", "F42", "C23"], false),
        new("Logistics", "物流", ["H49", "H52"], false),
        new("Software", "软件", ["J62", "J63"], false),
        new("Hotel Management", "酒店管理", ["I55", "I56"], false),
        new("Investment", "投资", ["A01", "C10", "D35", "I55", "J62", "H49"], false, Investor: true),
    ];

    /// <summary>Brand words of Shandong firms (pinyin, hanzi).</summary>
    public static readonly (string En, string Zh)[] Brands =
    [
        ("Haida", "海达"), ("Hengtong", "恒通"), ("Xinda", "鑫达"), ("Zhongtai", "中泰"), ("Huayu", "华宇"), ("Shengli", "胜利"),
        ("Jinhai", "金海"), ("Tianrun", "天润"), ("Hongda", "宏达"), ("Ruifeng", "瑞丰"), ("Longwei", "龙威"), ("Dongfang", "东方"),
        ("Yuanda", "远大"), ("Haitian", "海天"), ("Qilu", "齐鲁"), ("Lutong", "鲁通"), ("Taishan", "泰山"), ("Huanghe", "黄河"),
        ("Jiahe", "嘉禾"), ("Boyuan", "博远"), ("Chenxi", "晨曦"), ("Dingsheng", "鼎盛"), ("Fuli", "富力"), ("Guangming", "光明"),
        ("Huaxin", "华信"), ("Jinlong", "金龙"), ("Kaiyuan", "开元"), ("Lianfeng", "联丰"), ("Mingyang", "明阳"), ("Rongsheng", "荣盛"),
    ];

    public static readonly string[] ChineseSurnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Sun", "Zhou", "Xu", "Ma", "Gao"];
    public static readonly string[] ChineseGivenNames = ["Wei", "Lei", "Jun", "Fang", "Min", "Jing", "Qiang", "Yan", "Hui", "Tao", "Xin", "Peng"];

    public static readonly string[] SmeCertifications = ["ISO 9001", "ISO 14001", "EAC"];
    public static readonly string[] FoodCertifications = ["HACCP", "ISO 22000", "EAC"];
}
